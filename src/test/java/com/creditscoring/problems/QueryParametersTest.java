package com.creditscoring.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryParametersTest {

  private static List<String> badFields(QueryParameters parameters) {
    return assertThrows(ProblemException.class, parameters::check).problem().errors().stream().map(Problem.FieldError::field).toList();
  }

  @Test
  void aPageWhoseFirstRowIsPastTheLargestIntIsNamed() {
    QueryParameters parameters = new QueryParameters();
    assertEquals(new QueryParameters.Paging(0, 500), parameters.paging("5000000", "500", 500));
    assertEquals(List.of("page"), badFields(parameters));

    QueryParameters fits = new QueryParameters();
    assertEquals(new QueryParameters.Paging(Integer.MAX_VALUE / 500, 500), fits.paging(Integer.toString(Integer.MAX_VALUE / 500), "500", 500));
    fits.check();
  }

  @Test
  void aPeriodThatEndsBeforeItStartsIsNamedByItsEnd() {
    QueryParameters parameters = new QueryParameters();
    Optional<Instant> from = parameters.instant("from", "2026-01-02T00:00:00Z");
    assertEquals(Optional.empty(), parameters.until("to", "2026-01-01T00:00:00Z", from));
    assertEquals(List.of("to"), badFields(parameters));

    QueryParameters later = new QueryParameters();
    assertEquals(Optional.of(Instant.parse("2026-01-03T00:00:00Z")), later.until("to", "2026-01-03T00:00:00Z", from));
    later.check();
  }

  @Test
  void instantsBeyondWhatTheDatabaseStoresAreNamed() {
    QueryParameters parameters = new QueryParameters();
    assertEquals(Optional.empty(), parameters.instant("from", "-1000000000-01-01T00:00:00Z"));
    assertEquals(Optional.empty(), parameters.instant("to", "+1000000000-12-31T23:59:59.999999999Z"));
    assertEquals(List.of("from", "to"), badFields(parameters));

    QueryParameters edges = new QueryParameters();
    assertEquals(Optional.of(QueryParameters.EARLIEST), edges.instant("from", "0001-01-01T00:00:00Z"));
    assertEquals(Optional.of(QueryParameters.LATEST), edges.instant("to", "9999-12-31T23:59:59Z"));
    edges.check();
  }
}
