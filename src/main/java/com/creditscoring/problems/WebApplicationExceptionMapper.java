package com.creditscoring.problems;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * JAX-RS's own errors (404 unknown path, 405, 406, 415, and the ones resources throw) as problems,
 * keeping the headers they carry such as {@code Allow} and {@code Retry-After}.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

  @Context UriInfo uri;
  @Context HttpServletRequest request;

  @Override
  public Response toResponse(WebApplicationException exception) {
    Response original = exception.getResponse();
    int status = original.getStatus();
    Problem problem =
        Problem.of(status, detailOf(exception, status))
            .at(uri.getRequestUri().getRawPath(), RequestIds.of(request));
    Response.ResponseBuilder response = Response.fromResponse(original).entity(problem.toJson());
    if (status == 401 && original.getHeaderString("WWW-Authenticate") == null) {
      response.header("WWW-Authenticate", "Bearer");
    }
    return response.type(Problem.MEDIA_TYPE).build();
  }

  private static String detailOf(WebApplicationException exception, int status) {
    return switch (status) {
      case 400 -> "The request could not be read: is the body present and valid JSON?";
      case 401 -> ProblemErrorPage.SIGN_IN_FIRST;
      case 403 -> ProblemErrorPage.ROLE_NOT_ALLOWED;
      case 404 -> "No resource at this path.";
      case 405 -> "This method is not allowed here; the Allow header lists the ones that are.";
      case 406 -> "This resource cannot answer in any of the media types the Accept header names.";
      case 415 -> "This resource does not accept the request's Content-Type.";
      default -> exception.getMessage() == null || exception.getMessage().startsWith("HTTP ")
          ? Problem.titleOf(status)
          : exception.getMessage();
    };
  }
}
