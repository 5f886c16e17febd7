package com.creditscoring.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers a {@link ProblemException} with its problem and headers. */
@Provider
public class ProblemExceptionMapper implements ExceptionMapper<ProblemException> {

  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(ProblemException exception) {
    Response.ResponseBuilder response =
        Response.status(exception.problem().status())
            .type(Problem.MEDIA_TYPE)
            .entity(exception.problem().at(uri.getRequestUri().getRawPath(), RequestIds.of(request)).toJson());
    exception.headers().forEach(response::header);
    return response.build();
  }
}
