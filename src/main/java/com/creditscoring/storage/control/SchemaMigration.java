package com.creditscoring.storage.control;

import java.sql.Connection;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.analytics.configuration.AnalyticsArgs;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Brings the schema up to date with the changelogs in {@code liquibase/}. The schema changes only
 * here; JPA never generates tables. Applying an up-to-date schema again changes nothing.
 */
public final class SchemaMigration {

  static final String CHANGELOG = "liquibase/changelog.xml";

  private SchemaMigration() {}

  public static void apply(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      apply(connection);
      connection.commit();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
    }
  }

  public static void apply(Connection connection) {
    // Liquibase finds its services (logging first) through the thread's context class loader, once
    // per JVM. A readiness probe that reaches the database during start-up runs on an HTTP thread
    // whose context loader is the server's: Liquibase then fails for good ("Cannot find default log
    // service") and the service never starts. So it always sees the WAR's loader.
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(SchemaMigration.class.getClassLoader());
    try {
      Database database =
          DatabaseFactory.getInstance()
              .findCorrectDatabaseImplementation(new JdbcConnection(connection));
      // Liquibase 4.33 phones home unless told not to; the resource accessor must be the WAR's
      // class loader, not the server's context loader.
      Map<String, Object> scope =
          Map.of(
              AnalyticsArgs.ENABLED.getKey(), false,
              Scope.Attr.resourceAccessor.name(),
                  new ClassLoaderResourceAccessor(SchemaMigration.class.getClassLoader()));
      Scope.child(
          scope,
          () ->
              new CommandScope(UpdateCommandStep.COMMAND_NAME)
                  .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                  .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                  .execute());
    } catch (Exception e) {
      throw new IllegalStateException("database migration failed: " + e.getMessage(), e);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }
}
