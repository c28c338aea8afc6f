package io.vigil.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import io.vigil.config.DatabaseSettings;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The connection pool, the schema migrations and the JDBI handle of one Vigil database. */
public final class Database implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Database.class);

  static {
    // AUTO_SERVER lets the CLI open the H2 file while the server runs by starting an H2 TCP
    // server; H2 binds it to every interface by default. Keep it on loopback.
    if (System.getProperty("h2.bindAddress") == null) {
      System.setProperty("h2.bindAddress", "127.0.0.1");
    }
  }

  private final HikariDataSource dataSource;
  private final Dialect dialect;
  private final Jdbi jdbi;

  private Database(HikariDataSource dataSource, Dialect dialect) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.jdbi = Jdbi.create(dataSource);
  }

  /**
   * Opens a pool on the database and applies every pending migration.
   *
   * @param poolName name of the pool's threads and log lines
   * @param maxPoolSize upper bound of open connections
   */
  public static Database open(DatabaseSettings settings, String poolName, int maxPoolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(settings.url());
    config.setUsername(settings.user());
    config.setPassword(settings.password());
    config.setPoolName(poolName);
    config.setMaximumPoolSize(maxPoolSize);
    config.setMinimumIdle(1);
    config.setConnectionTimeout(10_000);
    HikariDataSource dataSource;
    try {
      dataSource = new HikariDataSource(config);
    } catch (HikariPool.PoolInitializationException e) {
      throw new DatabaseUnavailableException(
          "Cannot connect to the database at "
              + settings.maskedUrl()
              + ": "
              + rootMessage(e)
              + ". Check --db-url, --db-user and --db-password.",
          e);
    }
    try {
      Dialect dialect = detectDialect(dataSource);
      Database database = new Database(dataSource, dialect);
      database.migrate();
      log.info("Database ready: dialect={} url={}", dialect, settings.maskedUrl());
      return database;
    } catch (RuntimeException e) {
      dataSource.close();
      throw e;
    }
  }

  private static Dialect detectDialect(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection()) {
      return Dialect.fromProductName(connection.getMetaData().getDatabaseProductName());
    } catch (SQLException e) {
      throw new DatabaseUnavailableException("Cannot read the database product name", e);
    }
  }

  private void migrate() {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .failOnMissingLocations(true)
            .load();
    try {
      MigrateResult result = flyway.migrate();
      if (result.migrationsExecuted > 0) {
        log.info(
            "Database migrated: applied={} schemaVersion={}",
            result.migrationsExecuted,
            result.targetSchemaVersion);
      }
    } catch (FlywayException e) {
      throw new DatabaseUnavailableException("Database migration failed: " + e.getMessage(), e);
    }
  }

  public Jdbi jdbi() {
    return jdbi;
  }

  public Dialect dialect() {
    return dialect;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** Returns true when a connection can be taken from the pool and runs a validity check. */
  public boolean isReachable() {
    try (Connection connection = dataSource.getConnection()) {
      return connection.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    dataSource.close();
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getMessage();
  }
}
