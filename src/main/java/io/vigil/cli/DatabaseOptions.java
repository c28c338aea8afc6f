package io.vigil.cli;

import io.vigil.config.DatabaseSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Where the data lives; shared by every command that opens the database. The options are
 * inherited, so they work after a subcommand too ({@code vigil user add bob --data-dir d}).
 */
public final class DatabaseOptions {
  @Option(
      scope = ScopeType.INHERIT,
      names = "--data-dir",
      defaultValue = "${env:VIGIL_DATA_DIR:-vigil-data}",
      description = "Directory of the embedded database and local state (env VIGIL_DATA_DIR,"
          + " default ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--db-url",
      defaultValue = "${env:VIGIL_DB_URL}",
      description = "PostgreSQL JDBC URL such as jdbc:postgresql://127.0.0.1:5432/vigil (env"
          + " VIGIL_DB_URL). Unset: an H2 database file in the data directory.")
  String dbUrl;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--db-user",
      defaultValue = "${env:VIGIL_DB_USER}",
      description = "Database user (env VIGIL_DB_USER).")
  String dbUser;

  @Option(
      scope = ScopeType.INHERIT,
      names = "--db-password",
      defaultValue = "${env:VIGIL_DB_PASSWORD}",
      description = "Database password (env VIGIL_DB_PASSWORD; prefer the variable, since"
          + " options show in the process list).")
  String dbPassword;

  boolean usesEmbeddedDatabase() {
    return dbUrl == null || dbUrl.isBlank();
  }

  DatabaseSettings toSettings() {
    if (dbUrl == null || dbUrl.isBlank()) {
      return DatabaseSettings.embeddedH2(dataDir);
    }
    return new DatabaseSettings(
        dbUrl, dbUser == null ? "" : dbUser, dbPassword == null ? "" : dbPassword);
  }
}
