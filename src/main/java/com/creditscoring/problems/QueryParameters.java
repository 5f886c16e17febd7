package com.creditscoring.problems;

import com.creditscoring.problems.Problem.FieldError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads query parameters strictly, collecting every bad one before answering 422. JAX-RS would
 * answer a malformed number in a query parameter with a bare 404, which names nothing.
 */
public final class QueryParameters {

  static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

  private final List<FieldError> errors = new ArrayList<>();

  public Optional<Instant> instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    Instant parsed;
    try {
      parsed = Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(new FieldError(name, "must be an ISO-8601 instant such as 2026-01-31T00:00:00Z"));
      return Optional.empty();
    }
    if (parsed.isBefore(EARLIEST) || parsed.isAfter(LATEST)) {
      // Java's instants reach a billion years either way; database timestamps stop at year 9999.
      errors.add(new FieldError(name, "must be between " + EARLIEST + " and " + LATEST));
      return Optional.empty();
    }
    return Optional.of(parsed);
  }

  /**
   * The end of a period that starts at {@code from}: an end not after its start would select
   * nothing, which is a mistake worth naming rather than an empty page.
   */
  public Optional<Instant> until(String name, String value, Optional<Instant> from) {
    Optional<Instant> until = instant(name, value);
    if (until.isPresent() && from.isPresent() && !until.get().isAfter(from.get())) {
      errors.add(new FieldError(name, "must be later than from"));
      return Optional.empty();
    }
    return until;
  }

  public Optional<Long> whole(String name, String value, long min, long max) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      long parsed = Long.parseLong(value.strip());
      if (parsed >= min && parsed <= max) {
        return Optional.of(parsed);
      }
    } catch (NumberFormatException e) {
      // reported below, with the range
    }
    errors.add(new FieldError(name, "must be a whole number from " + min + " to " + max));
    return Optional.empty();
  }

  public Optional<String> oneOf(String name, String value, List<String> allowed) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    if (allowed.contains(value)) {
      return Optional.of(value);
    }
    errors.add(new FieldError(name, "must be one of " + allowed));
    return Optional.empty();
  }

  /**
   * Page and size, from 0 and 1..maxSize; defaults 0 and 50. The page is bounded so that its first
   * row, page × size, is still a number the database query takes (an int).
   */
  public Paging paging(String page, String size, int maxSize) {
    int rows = whole("size", size, 1, maxSize).orElse(50L).intValue();
    return new Paging(whole("page", page, 0, Integer.MAX_VALUE / rows).orElse(0L).intValue(), rows);
  }

  public void add(FieldError error) {
    errors.add(error);
  }

  /** Answers 422 naming every bad parameter, if any was bad. */
  public void check() {
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The request has " + errors.size() + " invalid parameter(s).", errors);
    }
  }

  public record Paging(int page, int size) {}
}
