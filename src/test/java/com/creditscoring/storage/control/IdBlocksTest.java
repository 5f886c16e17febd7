package com.creditscoring.storage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdBlocksTest {

  @Test
  void twoWritersOnOneSequenceDrawDisjointBlocksTheWayJpaWould() throws SQLException {
    try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "")) {
      SchemaMigration.apply(connection);
      IdBlocks first = new IdBlocks(DatabaseUrl.Product.H2, "predictions_seq", 50);
      IdBlocks second = new IdBlocks(DatabaseUrl.Product.H2, "predictions_seq", 50);
      List<Long> fromFirst = new ArrayList<>();
      List<Long> fromSecond = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        fromFirst.add(first.next(connection));
        fromSecond.add(second.next(connection));
      }
      // The sequence starts at 50 and steps by 50 (Liquibase 007): its first value owns 1…50.
      assertEquals(List.of(1L, 2L, 50L, 101L), List.of(fromFirst.get(0), fromFirst.get(1), fromFirst.get(49), fromFirst.get(50)));
      assertEquals(List.of(51L, 100L, 151L), List.of(fromSecond.get(0), fromSecond.get(49), fromSecond.get(50)));
      var all = new HashSet<>(fromFirst);
      all.addAll(fromSecond);
      assertEquals(240, all.size(), "no id is handed out twice");
    }
  }

  @Test
  void refusesANameThatIsNotASequenceName() {
    assertThrows(IllegalArgumentException.class, () -> new IdBlocks(DatabaseUrl.Product.POSTGRESQL, "x'); DROP TABLE users; --", 50));
  }
}
