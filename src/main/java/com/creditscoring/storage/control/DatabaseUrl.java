package com.creditscoring.storage.control;

import com.creditscoring.ops.control.InvalidSettingException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.microprofile.config.Config;

/**
 * Where the database is, read from {@code DATABASE_URL}. Accepts JDBC URLs ({@code jdbc:h2:…},
 * {@code jdbc:postgresql://…}) and the Python seed's form {@code postgresql://user:pass@host/db}, so
 * an existing deployment keeps its environment. Unset means an embedded H2 file in the data folder.
 */
public record DatabaseUrl(String jdbcUrl, String user, String password, Product product) {

  static final String SETTING = "DATABASE_URL";

  /** The two databases the schema is tested on. */
  public enum Product {
    H2("org.h2.Driver"),
    POSTGRESQL("org.postgresql.Driver");

    final String driverClass;

    Product(String driverClass) {
      this.driverClass = driverClass;
    }
  }

  /** Never print the password: this record ends up in logs. */
  @Override
  public String toString() {
    return jdbcUrl.replaceAll("(?i)(password=)[^&;]*", "$1***") + (user == null ? "" : " as " + user);
  }

  public static DatabaseUrl embeddedIn(Path dataFolder) {
    Path file = dataFolder.toAbsolutePath().normalize().resolve("credit-scoring");
    return new DatabaseUrl(durableH2("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE"), "sa", "", Product.H2);
  }

  /**
   * An H2 URL whose commits are in the file before they return, whichever thread commits.
   *
   * <ul>
   *   <li>{@code WRITE_DELAY=0}: by default H2 keeps committed changes in memory for up to 500 ms
   *       before writing them out, so a killed process lost decisions the audit trail had already
   *       answered as recorded (4 of 5 in a test). Now every commit is written out, without an
   *       fsync: it survives the process being killed, not the machine losing power; PostgreSQL
   *       survives both. A URL that sets the delay itself keeps it.
   *   <li>H2's {@code async:} file system for files: with the commit written by the committing
   *       thread, a thread interrupted while committing (a cancelled training job) closed H2's
   *       file channel, and with it the whole database. {@code async:} finishes the write and
   *       keeps the interrupt for the thread to see. Same file, same format.
   * </ul>
   *
   * In-memory databases have no file, and other forms (a server, another file system) are left as
   * they are but for the delay.
   */
  static String durableH2(String url) {
    String upper = url.toUpperCase(Locale.ROOT);
    if (upper.startsWith("JDBC:H2:MEM:")) {
      return url;
    }
    String file = "jdbc:h2:file:";
    String onAsyncFileSystem =
        upper.startsWith(file.toUpperCase(Locale.ROOT)) ? "jdbc:h2:async:" + url.substring(file.length())
            : upper.startsWith("JDBC:H2:/") ? "jdbc:h2:async:" + url.substring("jdbc:h2:".length())
            : url;
    return upper.contains(";WRITE_DELAY=") ? onAsyncFileSystem : onAsyncFileSystem + ";WRITE_DELAY=0";
  }

  /**
   * The database this installation is configured for: {@code DATABASE_URL}, with {@code
   * DATABASE_USER} and {@code DATABASE_PASSWORD} overriding the URL's own credentials.
   */
  public static DatabaseUrl fromConfig(Config config, Path dataFolder) {
    return parse(
        config.getOptionalValue("database.url", String.class),
        config.getOptionalValue("database.user", String.class),
        config.getOptionalValue("database.password", String.class),
        dataFolder);
  }

  /** One plain connection, for work that runs before the pool exists. */
  public Connection connect() throws SQLException {
    Driver driver;
    try {
      driver =
          (Driver)
              Class.forName(product.driverClass, true, DatabaseUrl.class.getClassLoader())
                  .getDeclaredConstructor()
                  .newInstance();
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("JDBC driver " + product.driverClass + " missing", e);
    }
    Properties credentials = new Properties();
    if (user != null) {
      credentials.setProperty("user", user);
    }
    if (password != null) {
      credentials.setProperty("password", password);
    }
    Connection connection = driver.connect(jdbcUrl, credentials);
    if (connection == null) {
      throw new InvalidSettingException(SETTING, "the driver does not accept " + this);
    }
    return connection;
  }

  public static DatabaseUrl parse(
      Optional<String> raw, Optional<String> user, Optional<String> password, Path dataFolder) {
    String url = raw.map(String::strip).orElse("");
    if (url.isEmpty()) {
      return embeddedIn(dataFolder);
    }
    if (url.startsWith("jdbc:h2:")) {
      return new DatabaseUrl(durableH2(url), user.orElse("sa"), password.orElse(""), Product.H2);
    }
    if (url.startsWith("jdbc:postgresql://")) {
      return new DatabaseUrl(url, user.orElse(null), password.orElse(null), Product.POSTGRESQL);
    }
    if (url.startsWith("postgresql://") || url.startsWith("postgres://")) {
      return fromSeedForm(url, user, password);
    }
    throw new InvalidSettingException(
        SETTING,
        "unsupported database URL '"
            + url.replaceAll(":[^:@/]*@", ":***@")
            + "'; expected jdbc:h2:…, jdbc:postgresql://host:port/db or postgresql://user:pass@host/db");
  }

  private static DatabaseUrl fromSeedForm(
      String url, Optional<String> user, Optional<String> password) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new InvalidSettingException(SETTING, "not a valid URL: " + e.getReason());
    }
    String host = uri.getHost();
    String database = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
    if (host == null || host.isBlank()) {
      throw new InvalidSettingException(SETTING, "the URL names no host");
    }
    if (database.isBlank()) {
      throw new InvalidSettingException(SETTING, "the URL names no database (…/dbname)");
    }
    String jdbc =
        "jdbc:postgresql://"
            + host
            + (uri.getPort() > 0 ? ":" + uri.getPort() : "")
            + "/"
            + database
            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    String userInfo = uri.getRawUserInfo();
    String urlUser = null;
    String urlPassword = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      urlUser = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      urlPassword = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    return new DatabaseUrl(
        jdbc, user.orElse(urlUser), password.orElse(urlPassword), Product.POSTGRESQL);
  }

  private static String decode(String part) {
    // In a URL's user part '+' is a plus sign, not an encoded space.
    return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
