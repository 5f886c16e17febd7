package com.creditscoring.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Gives a test class an empty database: start-up must create the schema from nothing. */
final class EmptyDatabase {

  private static final Pattern SCHEMA = Pattern.compile("currentSchema=([a-z_][a-z0-9_]*)");

  private EmptyDatabase() {}

  static void prepare(String databaseUrl, Path dataFolder, String postgresAdminUrl) {
    deleteFolder(dataFolder);
    Matcher schema = SCHEMA.matcher(databaseUrl);
    if (databaseUrl.startsWith("postgresql:") && schema.find()) {
      try (var connection = DriverManager.getConnection(postgresAdminUrl);
          var statement = connection.createStatement()) {
        statement.execute("DROP SCHEMA IF EXISTS " + schema.group(1) + " CASCADE");
        statement.execute("CREATE SCHEMA " + schema.group(1));
      } catch (SQLException e) {
        throw new IllegalStateException("cannot reset schema " + schema.group(1) + " at " + postgresAdminUrl, e);
      }
    }
  }

  private static void deleteFolder(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
