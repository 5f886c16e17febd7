package com.creditscoring.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.ops.control.SnakeCase;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StrictJsonBodiesTest {

  /** Shaped like the service's request bodies: public fields bound by JSON-B in snake_case. */
  public static class Request {
    public Long dataset;
    public String algorithm;
    public Boolean isActive;
    public Double baseScore;
    public Map<String, Double> options;
    public List<String> tags;
  }

  private static JsonValue parse(String body) {
    return StrictJsonBodies.parse(body.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> errors(String body) {
    List<Problem.FieldError> errors = new ArrayList<>();
    StrictJsonBodies.check(parse(body), Request.class, "", errors);
    return errors.stream().map(e -> e.field() + " " + e.message()).toList();
  }

  private static int statusOf(String body) {
    return assertThrows(ProblemException.class, () -> parse(body)).problem().status();
  }

  @Test
  void exactlyOneJsonValueIsAccepted() {
    assertEquals("{\"a\":[1,2]}", parse(" {\"a\": [1, 2]}\n ").toString());
    assertEquals(JsonValue.ValueType.NUMBER, parse("42").getValueType());
  }

  @Test
  void trailingContentDuplicateNamesDeepNestingAndBrokenJsonAre400() {
    assertEquals(400, statusOf("{\"a\":1}xyz"));
    assertEquals(400, statusOf("{\"a\":1}{\"a\":2}"));
    assertEquals(400, statusOf("{\"a\":1,\"a\":2}"));
    assertEquals(400, statusOf("[".repeat(5000) + "]".repeat(5000)));
    assertEquals(400, statusOf("{\"a\":"));
    assertTrue(parse("[".repeat(16) + "]".repeat(16)) instanceof jakarta.json.JsonArray);
  }

  @Test
  void membersOfTheWrongJsonTypeAreEachNamed() {
    assertEquals(
        List.of(
            "dataset must be a whole number", "algorithm must be a string", "is_active must be true or false",
            "base_score must be a number within the range of a double", "options.folds must be a number within the range of a double",
            "tags[1] must be a string"),
        errors(
            "{\"dataset\":1.5,\"algorithm\":12,\"is_active\":\"yes\",\"base_score\":1e400,\"options\":{\"folds\":\"2\"},\"tags\":[\"a\",3]}"));
    assertEquals(List.of("options must be an object", "tags must be an array"), errors("{\"options\":[1],\"tags\":\"a\"}"));
    assertEquals(List.of("body must be an object"), errors("[]"));
  }

  @Test
  void wellTypedNullAndUnknownMembersPass() {
    assertEquals(
        List.of(),
        errors("{\"dataset\":2,\"algorithm\":\"logistic\",\"is_active\":false,\"base_score\":600,\"options\":{\"folds\":5},\"tags\":null,\"other\":[1]}"));
    assertEquals(List.of(), errors("{\"dataset\":2.0,\"base_score\":-1.5e3}"));
  }

  @Test
  void memberNamesAreTheOnesTheServiceBindsWith() {
    Request request = new Request();
    request.dataset = 1L;
    request.algorithm = "logistic";
    request.isActive = true;
    request.baseScore = 1.0;
    request.options = Map.of();
    request.tags = List.of();
    JsonObject written = (JsonObject) parse(SnakeCase.JSON.toJson(request));
    assertEquals(written.keySet(), StrictJsonBodies.members(Request.class).keySet());
      }
}
