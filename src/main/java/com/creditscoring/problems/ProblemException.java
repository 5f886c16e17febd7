package com.creditscoring.problems;

import java.util.List;
import java.util.Map;

/**
 * Thrown by controls and resources to answer with a specific problem, e.g. 422 with bad fields or
 * 429 with {@code Retry-After}. Plain Java, so controls can throw it without a JAX-RS runtime;
 * {@link ProblemExceptionMapper} turns it into the response.
 */
public class ProblemException extends RuntimeException {

  private final transient Problem problem;
  private final Map<String, String> headers;

  public ProblemException(Problem problem) {
    this(problem, Map.of());
  }

  public ProblemException(Problem problem, Map<String, String> headers) {
    super(problem.detail());
    this.problem = problem;
    this.headers = Map.copyOf(headers);
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

  /** Headers the answer must carry, such as Retry-After or WWW-Authenticate. */
  public Map<String, String> headers() {
    return headers;
  }
}
