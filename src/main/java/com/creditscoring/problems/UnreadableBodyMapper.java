package com.creditscoring.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.List;

/**
 * A body the JSON reader could not turn into the request type (not JSON at all, or a string where
 * a number belongs) is the client's mistake: 400, with the reader's explanation minus class names.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(ProcessingException exception) {
    if (BodySizeLimit.wasExceeded(exception)) {
      return BodySizeLimit.problem()
          .at(uri.getRequestUri().getRawPath(), RequestIds.of(request))
          .toResponse();
    }
    return notValidJson(exception, uri, request);
  }

  static Response notValidJson(Throwable exception, UriInfo uri, HttpServletRequest request) {
    return notValidJson(readableReason(exception)).at(uri.getRequestUri().getRawPath(), RequestIds.of(request)).toResponse();
  }

  /** The 400 for a body that is not the JSON this endpoint reads, with the reason under "body". */
  static Problem notValidJson(String reason) {
    return Problem.of(400, "The request body is not valid JSON for this endpoint.").withErrors(List.of(new Problem.FieldError("body", reason)));
  }

  /** The deepest message, with Java class names shortened so no internals leak. */
  static String readableReason(Throwable exception) {
    Throwable deepest = exception;
    while (deepest.getCause() != null && deepest.getCause().getMessage() != null) {
      deepest = deepest.getCause();
    }
    String message = deepest.getMessage() == null ? "unreadable body" : deepest.getMessage();
    return message
        .replaceAll("(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)", "$1")
        .replaceAll("\\s+", " ")
        .strip();
  }
}
