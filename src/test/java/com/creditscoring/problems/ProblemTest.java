package com.creditscoring.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemTest {

  @Test
  void rendersRfc9457WithEveryBadField() {
    String json =
        Problem.of(422, "The request has 2 invalid field(s).")
            .withErrors(
                List.of(
                    new Problem.FieldError("person_age", "must be at least 18"),
                    new Problem.FieldError("loan_grade", "must be one of A, B")))
            .at("/api/predict", "req-1")
            .toJson();
    JsonObject problem = Json.createReader(new StringReader(json)).readObject();
    assertEquals("about:blank", problem.getString("type"));
    assertEquals("Unprocessable Content", problem.getString("title"));
    assertEquals(422, problem.getInt("status"));
    assertEquals("/api/predict", problem.getString("instance"));
    assertEquals("req-1", problem.getString("request_id"));
    assertEquals("person_age", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(2, problem.getJsonArray("errors").size());
  }

  @Test
  void leavesOutWhatItDoesNotKnow() {
    JsonObject problem = Json.createReader(new StringReader(Problem.of(404, null).toJson())).readObject();
    assertFalse(problem.containsKey("detail"));
    assertFalse(problem.containsKey("errors"));
  }

  @Test
  void fieldNamesFollowTheClientsSnakeCase() {
    assertEquals("refresh_token", ConstraintViolationMapper.snakeCase("refreshToken"));
    assertEquals("username", ConstraintViolationMapper.snakeCase("username"));
  }

  @Test
  void readerMessagesLoseTheirClassNames() {
    String reason =
        UnreadableBodyMapper.readableReason(
            new RuntimeException(
                "wrapper",
                new IllegalStateException(
                    "Cannot deserialize into com.creditscoring.auth.boundary.SessionsResource$Credentials")));
    assertEquals("Cannot deserialize into SessionsResource$Credentials", reason);
  }
}
