package com.creditscoring.storage.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

  private static int count(Connection connection, String sql) throws SQLException {
    try (var statement = connection.createStatement(); var rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Test
  void migratesAnEmptyDatabaseAndChangesNothingTheSecondTime() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      SchemaMigration.apply(connection);
      int applied = count(connection, "SELECT COUNT(*) FROM DATABASECHANGELOG");
      assertTrue(applied >= 3, "change sets applied: " + applied);
      assertEquals(0, count(connection, "SELECT COUNT(*) FROM users"));
      assertEquals(0, count(connection, "SELECT COUNT(*) FROM refresh_tokens"));

      SchemaMigration.apply(connection);
      assertEquals(applied, count(connection, "SELECT COUNT(*) FROM DATABASECHANGELOG"));
    }
  }

  @Test
  void refusesARoleOutsideTheThreeRoles() throws SQLException {
    String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
      SchemaMigration.apply(connection);
      connection.setAutoCommit(true);
      try (var statement = connection.createStatement()) {
        var error =
            org.junit.jupiter.api.Assertions.assertThrows(
                SQLException.class,
                () ->
                    statement.execute(
                        "INSERT INTO users (id, username, username_key, password_hash, role, active, created_at, failed_logins)"
                            + " VALUES (1, 'x', 'x', 'h', 'boss', TRUE, CURRENT_TIMESTAMP, 0)"));
        assertTrue(error.getMessage().toUpperCase().contains("CK_USERS_ROLE"), error.getMessage());
      }
    }
  }
}
