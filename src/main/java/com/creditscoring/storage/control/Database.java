package com.creditscoring.storage.control;

import com.creditscoring.ops.control.DataFolder;
import com.creditscoring.ops.control.InvalidSettingException;
import com.creditscoring.ops.control.Settings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one way into the database: a connection pool, the Liquibase schema and an EntityManager
 * factory over them.
 *
 * <p>The application builds its own pool instead of a server datasource because {@code
 * DATABASE_URL} comes in the seed's {@code postgresql://user:pass@host/db} form, which a server
 * datasource definition cannot translate, and because a wrong URL must stop start-up with one clear
 * line. Transactions are explicit ({@link #inTransaction}): a failed request rolls back whole, so no
 * half-written row is left behind.
 */
@ApplicationScoped
public class Database {

  private static final Logger LOG = Logger.getLogger(Database.class.getName());
  static final String PERSISTENCE_UNIT = "credit-scoring";

  @Inject DataFolder dataFolder;

  /** DATABASE_URL, DATABASE_USER, DATABASE_PASSWORD: read by {@link DatabaseUrl#fromConfig}. */
  @Inject Config config;

  /** Connections per instance; PostgreSQL's default max_connections is 100 for all replicas. */
  @Inject
  @ConfigProperty(name = "database.pool.size", defaultValue = "10")
  String poolSize;

  private DatabaseUrl location;
  private HikariDataSource dataSource;
  private EntityManagerFactory entityManagers;

  @PostConstruct
  void open() {
    location = DatabaseUrl.fromConfig(config, dataFolder.root());
    dataSource = pool(location, Settings.positiveInt("DATABASE_POOL_SIZE", poolSize));
    try {
      SchemaMigration.apply(dataSource);
      entityManagers = Persistence.createEntityManagerFactory(PERSISTENCE_UNIT, jpaSettings());
      LOG.info(() -> "Database ready: " + productName() + " at " + location);
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  /** The connection pool the server opens on a database (public for bench/scoring.sh, which times the audit write on it alone). */
  public static HikariDataSource pool(DatabaseUrl location, int size) {
    if (location.product() == DatabaseUrl.Product.H2) {
      // H2 keeps a cache of the values it stores, to share equal ones, and hashes each string
      // whole to look it up: an audit row's application JSON is new every time, so a quarter of
      // the audit insert went to hashing strings for a cache that never hits. Read when H2 is
      // first used; a -Dh2.objectCache given on the command line wins.
      System.getProperties().putIfAbsent("h2.objectCache", "false");
    }
    HikariConfig config = new HikariConfig();
    config.setPoolName("credit-scoring");
    config.setJdbcUrl(location.jdbcUrl());
    config.setDriverClassName(location.product().driverClass);
    config.setUsername(location.user());
    config.setPassword(location.password());
    config.setMaximumPoolSize(size);
    config.setAutoCommit(false);
    if (location.product() == DatabaseUrl.Product.POSTGRESQL) {
      // The driver sends a batch of inserts as multi-row INSERTs instead of one statement per row:
      // a CSV's audit rows, 500 to a commit, went from 23,000 to 36,000 rows/s (bench/README.md).
      // A URL that sets reWriteBatchedInserts itself wins: the driver lets its parameters override.
      config.addDataSourceProperty("reWriteBatchedInserts", "true");
    }
    // Fail start-up within seconds on an unreachable database instead of hanging.
    config.setInitializationFailTimeout(10_000);
    config.setConnectionTimeout(10_000);
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw new InvalidSettingException(
          DatabaseUrl.SETTING, "cannot connect to " + location + ": " + rootMessage(e));
    }
  }

  private Map<String, Object> jpaSettings() {
    Map<String, Object> settings = new HashMap<>();
    // Kept off the standard path so the server does not deploy a second, container-managed unit.
    settings.put("eclipselink.persistencexml", "META-INF/credit-scoring-persistence.xml");
    settings.put("jakarta.persistence.nonJtaDataSource", dataSource);
    settings.put("eclipselink.classloader", Database.class.getClassLoader());
    return settings;
  }

  @PreDestroy
  void close() {
    if (entityManagers != null && entityManagers.isOpen()) {
      entityManagers.close();
    }
    if (dataSource != null) {
      dataSource.close();
    }
  }

  /** Runs the work in one transaction: committed when it returns, rolled back when it throws. */
  public <T> T inTransaction(Function<EntityManager, T> work) {
    EntityManager em = entityManagers.createEntityManager();
    EntityTransaction transaction = em.getTransaction();
    try {
      transaction.begin();
      T result = work.apply(em);
      transaction.commit();
      return result;
    } finally {
      if (transaction.isActive()) {
        transaction.rollback();
      }
      em.close();
    }
  }

  /** Work on a plain JDBC connection; may throw SQLException. */
  @FunctionalInterface
  public interface JdbcWork<T> {
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Runs the work on one pooled connection in one transaction, for bulk writes where JPA's unit of
   * work would cost more than the insert itself: committed when it returns, rolled back when it
   * throws.
   *
   * @throws PersistenceException when the database refuses the work or the commit
   */
  public <T> T inJdbcTransaction(JdbcWork<T> work) {
    try (Connection connection = dataSource.getConnection()) {
      try {
        T result = work.apply(connection);
        connection.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        try {
          connection.rollback();
        } catch (SQLException rollbackFailure) {
          e.addSuppressed(rollbackFailure);
        }
        throw e;
      }
    } catch (SQLException e) {
      throw new PersistenceException(e.getMessage(), e);
    }
  }

  public DatabaseUrl.Product product() {
    return location.product();
  }

  /** The product name and version as the JDBC driver reports them; throws when unreachable. */
  public String productName() {
    try (Connection connection = dataSource.getConnection()) {
      var meta = connection.getMetaData();
      return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
    } catch (SQLException e) {
      throw new IllegalStateException("database unreachable: " + e.getMessage(), e);
    }
  }

  /** How many Liquibase change sets this database has applied: the schema's version. */
  public int appliedChangeSets() {
    try (Connection connection = dataSource.getConnection();
        var statement = connection.createStatement();
        var rows = statement.executeQuery("SELECT COUNT(*) FROM DATABASECHANGELOG")) {
      rows.next();
      return rows.getInt(1);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the schema version: " + e.getMessage(), e);
    }
  }

  /** Round-trips a query within the timeout; false when the database does not answer. */
  public boolean isReachable(int timeoutSeconds) {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(timeoutSeconds);
    } catch (SQLException e) {
      LOG.warning(() -> "Database check failed: " + e.getMessage());
      return false;
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
