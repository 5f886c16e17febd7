package com.creditscoring.storage.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.ops.control.InvalidSettingException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

  private static final Path DATA = Path.of("/srv/credit-scoring/data");

  private static DatabaseUrl parse(String url) {
    return DatabaseUrl.parse(Optional.ofNullable(url), Optional.empty(), Optional.empty(), DATA);
  }

  @Test
  void unsetMeansAnEmbeddedH2FileInTheDataFolder() {
    DatabaseUrl url = parse(null);
    assertEquals(DatabaseUrl.Product.H2, url.product());
    assertTrue(url.jdbcUrl().startsWith("jdbc:h2:file:/srv/credit-scoring/data/credit-scoring"), url.jdbcUrl());
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
