package com.creditscoring.problems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.junit.jupiter.api.Test;

class PathIdsTest {

  @Test
  void plainAsciiDigitsAreIds() {
    for (String id : new String[] {"0", "1", "42", "999999999999999999"}) {
      assertTrue(PathIds.isPlainId(id), id);
    }
  }

  @Test
  void everyOtherSpellingOfANumberIsNoId() {
    for (String id :
        new String[] {
          "", "+1", "-1", "01", "00", " 1", "1 ", "1;drop", "1.0", "1e3", "0x1",
          "\u0661", // Arabic-Indic one
          "\uff11", // fullwidth one
          "1000000000000000000" // 19 digits: beyond any id we issue, and near Long.MAX_VALUE
        }) {
      assertFalse(PathIds.isPlainId(id), id);
    }
  }

  @SuppressWarnings("unused")
  static class Sample {
    void byId(@PathParam("id") long id, @QueryParam("page") int page) {}

    void byBoxedIds(@PathParam("model") Long model, @PathParam("row") Integer row) {}

    void byName(@PathParam("name") String name) {}
  }

  @Test
  void onlyNumericPathParametersAreChecked() throws NoSuchMethodException {
    assertEquals(List.of("id"), PathIds.numericPathParameters(Sample.class.getDeclaredMethod("byId", long.class, int.class)));
    assertEquals(
        List.of("model", "row"),
        PathIds.numericPathParameters(Sample.class.getDeclaredMethod("byBoxedIds", Long.class, Integer.class)));
    assertEquals(List.of(), PathIds.numericPathParameters(Sample.class.getDeclaredMethod("byName", String.class)));
  }
}
