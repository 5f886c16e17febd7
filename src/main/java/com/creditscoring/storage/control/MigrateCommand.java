package com.creditscoring.storage.control;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;

/**
 * Applies the Liquibase schema without starting the service (the seed's {@code alembic upgrade
 * head}), for deployments that migrate in a separate step: {@code mvn -Pmigrate process-classes}
 * with the same {@code DATABASE_URL}, {@code DATABASE_USER}, {@code DATABASE_PASSWORD} and
 * {@code DATA_DIR} as the service. Start-up applies the same migrations anyway.
 */
public final class MigrateCommand {

  private MigrateCommand() {}

  public static void main(String[] args) throws Exception {
    DatabaseUrl location =
        DatabaseUrl.parse(
            setting("DATABASE_URL"),
            setting("DATABASE_USER"),
            setting("DATABASE_PASSWORD"),
            Path.of(setting("DATA_DIR").orElse("./data")));
    try (Connection connection = location.connect()) {
      SchemaMigration.apply(connection);
      connection.commit();
    }
    System.out.println("Schema up to date on " + location);
  }

  private static Optional<String> setting(String name) {
    return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
  }
}
