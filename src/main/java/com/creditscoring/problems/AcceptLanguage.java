package com.creditscoring.problems;

import jakarta.ws.rs.ProcessingException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The request's {@code Accept-Language}, in order of preference. JAX-RS parses the header only when
 * asked, and a malformed one (a quality of {@code q=abc}) then throws the same exception as an
 * unreadable body, which would answer that the JSON body is invalid: here it is a 400 naming the
 * header instead.
 */
public final class AcceptLanguage {

  private AcceptLanguage() {}

  /**
   * @param parsed the JAX-RS accessor, e.g. {@code headers::getAcceptableLanguages}
   * @throws ProblemException 400 naming {@code Accept-Language} when the header cannot be parsed
   */
  public static List<Locale> preferences(Supplier<List<Locale>> parsed) {
    try {
      return parsed.get();
    } catch (ProcessingException e) {
      throw new ProblemException(
          Problem.of(400, "The Accept-Language header cannot be read.")
              .withErrors(List.of(new Problem.FieldError("Accept-Language", UnreadableBodyMapper.readableReason(e)))));
    }
  }
}
