package com.creditscoring.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.logging.Level;
import java.util.logging.Logger;

/** A bug or an outage: logged in full under the request id, answered 500 without internals. */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

  private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(Throwable exception) {
    String requestId = RequestIds.of(request);
    String path = uri.getRequestUri().getRawPath();
    if (BodySizeLimit.wasExceeded(exception)) {
      return BodySizeLimit.problem().at(path, requestId).toResponse();
    }
    LOG.log(Level.SEVERE, exception, () -> "Request " + requestId + " to " + path + " failed");
    return unexpected().at(path, requestId).toResponse();
  }

  static Problem unexpected() {
    return Problem.of(
        500,
        "An unexpected error occurred. It has been logged; quote the request_id when reporting it.");
  }
}
