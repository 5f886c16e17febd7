package com.creditscoring.problems;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * An RFC 9457 problem: the one shape of every error this service answers, whether it comes from a
 * resource, bean validation, the JSON reader or the server's own error pages.
 *
 * @param status HTTP status
 * @param title short, the same for every problem of this status
 * @param detail what went wrong with this request, in words a client developer can act on
 * @param instance the request path
 * @param requestId the id under which this request was logged
 * @param errors one entry per bad field, all of them at once
 */
public record Problem(
    int status,
    String title,
    String detail,
    String instance,
    String requestId,
    List<FieldError> errors) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** One bad field: a JSON path such as {@code person_age} or {@code items[3].amount}. */
  public record FieldError(String field, String message) {}

  /** Characters of a client's text (a column name) quoted back in a problem; the rest is cut. */
  public static final int ECHO_LENGTH = 100;

  /**
   * A client's text as a problem may quote it: its first {@link #ECHO_LENGTH} characters and "…"
   * when longer. Enough to recognise it, and a 9 MB column name is not answered with 9 MB.
   */
  public static String echo(String text) {
    if (text == null || text.length() <= ECHO_LENGTH) {
      return text;
    }
    return text.substring(0, ECHO_LENGTH) + "…";
  }

  public Problem {
    errors = errors == null ? List.of() : List.copyOf(errors);
  }

  public static Problem of(int status, String detail) {
    return new Problem(status, titleOf(status), detail, null, null, List.of());
  }

  public Problem at(String path, String id) {
    return new Problem(status, title, detail, path, id, errors);
  }

  public Problem withErrors(List<FieldError> fieldErrors) {
    return new Problem(status, title, detail, instance, requestId, fieldErrors);
  }

  public String toJson() {
    JsonObjectBuilder json =
        Json.createObjectBuilder()
            .add("type", "about:blank")
            .add("title", title)
            .add("status", status);
    if (detail != null) {
      json.add("detail", detail);
    }
    if (instance != null) {
      json.add("instance", instance);
    }
    if (requestId != null) {
      json.add("request_id", requestId);
    }
    if (!errors.isEmpty()) {
      JsonArrayBuilder list = Json.createArrayBuilder();
      errors.forEach(
          e -> list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
      json.add("errors", list);
    }
    return json.build().toString();
  }

  public Response toResponse() {
    return Response.status(status).type(MEDIA_TYPE).entity(toJson()).build();
  }

  static String titleOf(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 415 -> "Unsupported Media Type";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 503 -> "Service Unavailable";
      default -> {
        Response.Status known = Response.Status.fromStatusCode(status);
        yield known != null ? known.getReasonPhrase() : (status >= 500 ? "Server Error" : "Error");
      }
    };
  }
}
