package com.creditscoring.storage.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.ops.control.InvalidSettingException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseUrlTest {

  private static final Path DATA = Path.of("/srv/credit-scoring/data");

  private static DatabaseUrl parse(String url) {
    return DatabaseUrl.parse(Optional.ofNullable(url), Optional.empty(), Optional.empty(), DATA);
  }

  @Test
  void unsetMeansAnEmbeddedH2FileInTheDataFolder() {
    DatabaseUrl url = parse(null);
    assertEquals(DatabaseUrl.Product.H2, url.product());
    assertTrue(url.jdbcUrl().startsWith("jdbc:h2:async:/srv/credit-scoring/data/credit-scoring;"), url.jdbcUrl());
  }

  @Test
  void blankCountsAsUnset() {
    assertEquals(DatabaseUrl.Product.H2, parse("  ").product());
  }

  @Test
  void acceptsTheSeedsPostgresqlForm() {
    DatabaseUrl url = parse("postgresql://scorer:s3cr%40t@db.internal:5433/credit_scoring");
    assertAll(
        () -> assertEquals(DatabaseUrl.Product.POSTGRESQL, url.product()),
        () -> assertEquals("jdbc:postgresql://db.internal:5433/credit_scoring", url.jdbcUrl()),
        () -> assertEquals("scorer", url.user()),
        () -> assertEquals("s3cr@t", url.password()));
  }

  @Test
  void keepsQueryParametersAndPlusSignsOfTheSeedsForm() {
    DatabaseUrl url = parse("postgres://app:a+b@localhost/db?sslmode=require");
    assertEquals("jdbc:postgresql://localhost/db?sslmode=require", url.jdbcUrl());
    assertEquals("a+b", url.password());
  }

  @Test
  void acceptsJdbcUrlsAsTheyAre() {
    assertEquals(
        "jdbc:postgresql://127.0.0.1:5432/test",
        parse("jdbc:postgresql://127.0.0.1:5432/test").jdbcUrl());
    assertEquals(DatabaseUrl.Product.H2, parse("jdbc:h2:mem:x").product());
    assertEquals("jdbc:h2:mem:x", parse("jdbc:h2:mem:x").jdbcUrl());
  }

  @Test
  void h2FilesWriteEveryCommitOutUnlessTheUrlSetsItsOwnDelay() {
    assertAll(
        () -> assertTrue(parse(null).jdbcUrl().endsWith(";WRITE_DELAY=0"), parse(null)::toString),
        () -> assertEquals("jdbc:h2:async:/tmp/db;WRITE_DELAY=0", parse("jdbc:h2:file:/tmp/db").jdbcUrl()),
        () -> assertEquals("jdbc:h2:async:/tmp/db;write_delay=100", parse("jdbc:h2:file:/tmp/db;write_delay=100").jdbcUrl()),
        () -> assertEquals("jdbc:h2:async:/tmp/db;WRITE_DELAY=0", parse("jdbc:h2:/tmp/db").jdbcUrl()),
        () -> assertEquals("jdbc:h2:tcp://db.internal/credit;WRITE_DELAY=0", parse("jdbc:h2:tcp://db.internal/credit").jdbcUrl()));
  }

  /**
   * A commit is written by the thread that commits. Java closes a file channel when the thread
   * using it is interrupted (a training job cancelled mid-commit), and H2 then closed the whole
   * database: every later request failed with "The database has been closed".
   */
  @Test
  void aCommitByAnInterruptedThreadLeavesTheEmbeddedDatabaseOpen(@TempDir Path folder) throws Exception {
    DatabaseUrl url = DatabaseUrl.embeddedIn(folder);
    try (Connection connection = url.connect()) {
      connection.createStatement().execute("CREATE TABLE decisions (id INT PRIMARY KEY)");
      Thread committer =
          new Thread(
              () -> {
                try (Connection other = url.connect()) {
                  Thread.currentThread().interrupt();
                  other.createStatement().execute("INSERT INTO decisions VALUES (1)");
                  assertTrue(Thread.interrupted(), "the interrupt is kept for the thread to see");
                } catch (SQLException e) {
                  throw new IllegalStateException(e);
                }
              });
      AtomicReference<Throwable> failure = new AtomicReference<>();
      committer.setUncaughtExceptionHandler((thread, e) -> failure.set(e));
      committer.start();
      committer.join();
      assertNull(failure.get(), () -> "the interrupted commit failed: " + failure.get());
      connection.createStatement().execute("INSERT INTO decisions VALUES (2)");
      try (ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM decisions")) {
        count.next();
        assertEquals(2, count.getInt(1));
      }
    }
  }

  /**
   * The embedded database, committed to one transaction at a time as the audit trail does, then
   * its process killed (SIGKILL) at once: every commit must be in the file. With H2's default
   * write delay most of them were lost.
   */
  @Test
  void commitsToTheEmbeddedDatabaseSurviveItsProcessBeingKilled(@TempDir Path folder) throws Exception {
    Process committer =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                CommitThenWait.class.getName(), folder.toString())
            .redirectErrorStream(true)
            .start();
    try (BufferedReader output = new BufferedReader(new InputStreamReader(committer.getInputStream(), StandardCharsets.UTF_8))) {
      String line = output.readLine();
      assertEquals("committed " + CommitThenWait.ROWS, line, "the committing process said otherwise");
    } finally {
      committer.destroyForcibly();
      assertTrue(committer.waitFor(30, TimeUnit.SECONDS), "the committing process did not end when killed");
    }
    try (Connection connection = DatabaseUrl.embeddedIn(folder).connect();
        ResultSet count = connection.createStatement().executeQuery("SELECT COUNT(*) FROM decisions")) {
      count.next();
      assertEquals(CommitThenWait.ROWS, count.getInt(1), "committed rows found after the kill");
    }
  }

  /** Commits rows one transaction each into an embedded database, says so, and waits to be killed. */
  static final class CommitThenWait {
    static final int ROWS = 20;

    public static void main(String[] args) throws Exception {
      Connection connection = DatabaseUrl.embeddedIn(Path.of(args[0])).connect();
      connection.createStatement().execute("CREATE TABLE decisions (id INT PRIMARY KEY)");
      // Past H2's default write delay, so that the table itself is in the file with or without the setting.
      Thread.sleep(1_500);
      try (PreparedStatement insert = connection.prepareStatement("INSERT INTO decisions VALUES (?)")) {
        for (int i = 0; i < ROWS; i++) {
          insert.setInt(1, i);
          insert.executeUpdate();
        }
      }
      System.out.println("committed " + ROWS);
      System.out.flush();
      Thread.sleep(Long.MAX_VALUE);
    }
  }

  @Test
  void separateUserAndPasswordOverrideTheUrls() {
    DatabaseUrl url =
        DatabaseUrl.parse(
            Optional.of("postgresql://a:b@h/db"), Optional.of("c"), Optional.of("d"), DATA);
    assertEquals("c", url.user());
    assertEquals("d", url.password());
  }

  @Test
  void rejectsAnUnsupportedDatabaseNamingTheSetting() {
    var error = assertThrows(InvalidSettingException.class, () -> parse("mysql://u:pw@h/db"));
    assertEquals("DATABASE_URL", error.setting());
    assertFalse(error.getMessage().contains("pw"), "never echo a password: " + error.getMessage());
  }

  @Test
  void rejectsTheSeedsFormWithoutADatabase() {
    var error = assertThrows(InvalidSettingException.class, () -> parse("postgresql://u@host"));
    assertTrue(error.getMessage().contains("database"), error.getMessage());
  }

  @Test
  void rejectsAMalformedUrl() {
    assertThrows(InvalidSettingException.class, () -> parse("postgresql://u@ho st/db"));
  }

  @Test
  void neverPrintsThePassword() {
    assertFalse(parse("postgresql://u:hunter2@h/db").toString().contains("hunter2"));
    assertFalse(parse("jdbc:postgresql://h/db?password=hunter2").toString().contains("hunter2"));
  }
}
