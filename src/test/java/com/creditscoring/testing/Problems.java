package com.creditscoring.testing;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.Set;
import java.util.stream.Collectors;

/** Assertions on RFC 9457 answers. */
public final class Problems {

  private Problems() {}

  /** The answer is a problem of this status, with a request id and no internals. */
  public static JsonObject assertProblem(Api.Reply reply, int status) {
    assertEquals(status, reply.status(), () -> "status of " + reply);
    assertNotNull(reply.contentType(), () -> "content type of " + reply);
    assertTrue(
        reply.contentType().startsWith("application/problem+json"),
        () -> "content type of " + reply);
    JsonObject problem = reply.json();
    assertAll(
        () -> assertEquals(status, problem.getInt("status")),
        () -> assertFalse(problem.getString("title", "").isBlank(), "title"),
        () -> assertFalse(problem.getString("request_id", "").isBlank(), "request_id"),
        () -> assertFalse(reply.body().contains("Exception"), () -> "leaks internals: " + reply),
        () -> assertFalse(reply.body().contains("\tat "), () -> "leaks a stack trace: " + reply));
    return problem;
  }

  /** The fields a 4xx problem names as bad. */
  public static Set<String> badFields(JsonObject problem) {
    return problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .map(e -> e.getString("field"))
        .collect(Collectors.toSet());
  }
}
