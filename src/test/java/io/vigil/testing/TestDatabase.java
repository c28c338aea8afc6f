package io.vigil.testing;

import io.vigil.config.DatabaseSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * A fresh, empty database for one test class, on the product the test run targets: H2 in a
 * temporary file by default, or PostgreSQL when the system property {@code vigil.test.db} is
 * {@code postgres}. The PostgreSQL run creates a new database through the admin URL in
 * {@code vigil.test.pg.url} and drops it on {@link #close()}.
 */
public final class TestDatabase implements AutoCloseable {
  private final DatabaseSettings settings;
  private final Path dataDir;
  private final String postgresName;

  private TestDatabase(DatabaseSettings settings, Path dataDir, String postgresName) {
    this.settings = settings;
    this.dataDir = dataDir;
    this.postgresName = postgresName;
  }

  public static boolean isPostgresRun() {
    return "postgres".equals(System.getProperty("vigil.test.db"));
  }

  public static TestDatabase create() {
    try {
      Path dataDir = Files.createTempDirectory("vigil-test-");
      if (!isPostgresRun()) {
        return new TestDatabase(DatabaseSettings.embeddedH2(dataDir), dataDir, null);
      }
      String adminUrl = System.getProperty("vigil.test.pg.url", "");
      if (adminUrl.isEmpty()) {
        throw new IllegalStateException(
            "vigil.test.db=postgres needs -Dvigil.test.pg.url=jdbc:postgresql://HOST:PORT/postgres");
      }
      String name = "vigil_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
      try (Connection admin = adminConnection();
          Statement statement = admin.createStatement()) {
        statement.execute("CREATE DATABASE " + name);
      }
      String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
      return new TestDatabase(
          new DatabaseSettings(url, pgUser(), System.getProperty("vigil.test.pg.password", "")),
          dataDir,
          name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot create a PostgreSQL test database", e);
    }
  }

  public DatabaseSettings settings() {
    return settings;
  }

  /** Data directory of the server under test; it also contains the H2 file on H2 runs. */
  public Path dataDir() {
    return dataDir;
  }

  @Override
  public void close() {
    if (postgresName != null) {
      try (Connection admin = adminConnection();
          Statement statement = admin.createStatement()) {
        statement.execute("DROP DATABASE IF EXISTS " + postgresName + " WITH (FORCE)");
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot drop test database " + postgresName, e);
      }
    }
    deleteDataDir();
  }

  /** Deletes the data directory; a file still open elsewhere is left for the OS to clean. */
  private void deleteDataDir() {
    try (java.util.stream.Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory does not affect any test.
    }
  }

  private static Connection adminConnection() throws SQLException {
    return DriverManager.getConnection(
        System.getProperty("vigil.test.pg.url"),
        pgUser(),
        System.getProperty("vigil.test.pg.password", ""));
  }

  private static String pgUser() {
    return System.getProperty("vigil.test.pg.user", "postgres");
  }
}
