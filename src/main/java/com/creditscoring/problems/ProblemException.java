package com.creditscoring.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/**
 * Thrown by controls and resources to answer with a specific problem, e.g. 422 with bad fields or
 * 429 with {@code Retry-After}.
 */
public class ProblemException extends WebApplicationException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    this(problem, Map.of());
  }

  public ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.detail(), withHeaders(Response.status(problem.status()), headers).build());
    this.problem = problem;
  }

  private static Response.ResponseBuilder withHeaders(
      Response.ResponseBuilder response, Map<String, String> headers) {
    headers.forEach(response::header);
    return response;
  }

  public static ProblemException of(int status, String detail) {
    return new ProblemException(Problem.of(status, detail));
  }

  /** 422 naming every bad field at once. */
  public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
    return new ProblemException(Problem.of(422, detail).withErrors(errors));
  }

  /** 422 for one bad field. */
  public static ProblemException invalidField(String field, String message) {
    return invalid("The request has 1 invalid field(s).", List.of(new Problem.FieldError(field, message)));
  }

  public Problem problem() {
    return problem;
  }
}
