package com.creditscoring.problems;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Request bodies taken as any JSON and then checked for their shape: a JAX-RS parameter typed
 * {@code JsonObject} fails with a 500 when a client sends an array, instead of naming the mistake.
 */
public final class JsonBodies {

  private JsonBodies() {}

  public static JsonObject object(JsonValue body) {
    if (body instanceof JsonObject object) {
      return object;
    }
    throw ProblemException.of(400, "The body must be a JSON object with the fields, not " + shape(body) + ".");
  }

  public static JsonArray array(JsonValue body) {
    if (body instanceof JsonArray array) {
      return array;
    }
    throw ProblemException.of(400, "The body must be a JSON array of records, not " + shape(body) + ".");
  }

  /** What a body of this JSON-P type must be, in words. */
  static String expected(Class<?> type) {
    if (type == JsonObject.class) {
      return "a JSON object with the fields";
    }
    return type == JsonArray.class ? "a JSON array of records" : "a JSON object or array";
  }

  static String shape(JsonValue body) {
    if (body == null) {
      return "an empty body";
    }
    return switch (body.getValueType()) {
      case OBJECT -> "an object";
      case ARRAY -> "an array";
      case STRING -> "a string";
      case NUMBER -> "a number";
      default -> body.toString();
    };
  }
}
