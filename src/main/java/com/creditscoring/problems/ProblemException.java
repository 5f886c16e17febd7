package com.creditscoring.problems;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Thrown by controls and resources to answer with a specific problem, e.g. 422 with bad fields. */
public class ProblemException extends WebApplicationException {

  private final transient Problem problem;

  public ProblemException(Problem problem) {
    super(problem.detail(), Response.status(problem.status()).build());
    this.problem = problem;
  }

  public static ProblemException of(int status, String detail) {
    return new ProblemException(Problem.of(status, detail));
  }

  /** 422 naming every bad field at once. */
  public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
    return new ProblemException(Problem.of(422, detail).withErrors(errors));
  }

  public Problem problem() {
    return problem;
  }
}
