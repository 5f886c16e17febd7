package com.creditscoring.problems;

import jakarta.json.JsonException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Bodies read as JSON-P structures (scoring, feedback) fail with the parser's own exception, not
 * JAX-RS's: broken JSON there is the client's mistake too, a 400 like {@link UnreadableBodyMapper}'s.
 */
@Provider
public class MalformedJsonMapper implements ExceptionMapper<JsonException> {

  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(JsonException exception) {
    return UnreadableBodyMapper.notValidJson(exception, uri, request);
  }
}
