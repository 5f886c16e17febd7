package com.creditscoring.storage.control;

import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Empties the PostgreSQL schema the integration tests run in, so each run starts from an empty
 * database and proves that start-up migrates it. Run by Maven before the ITs (profile postgres).
 */
public final class PostgresTestSchema {

  private PostgresTestSchema() {}

  public static void main(String[] args) throws SQLException {
    String url = args[0];
    String schema = args[1];
    if (!schema.matches("[a-z_][a-z0-9_]*")) {
      throw new IllegalArgumentException("not a plain schema name: " + schema);
    }
    try (var connection = DriverManager.getConnection(url);
        var statement = connection.createStatement()) {
      statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      statement.execute("CREATE SCHEMA " + schema);
    }
    System.out.println("Reset PostgreSQL schema " + schema + " at " + url);
  }
}
