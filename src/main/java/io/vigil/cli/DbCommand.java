package io.vigil.cli;

import io.vigil.db.Database;
import java.nio.file.Files;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code vigil db migrate}: applies pending schema migrations without starting the server. */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.")
final class DbCommand {
  @Mixin DatabaseOptions database;

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = "Apply every pending schema migration, then exit.")
  int migrate() throws Exception {
    Files.createDirectories(database.dataDir);
    try (Database opened = Database.open(database.toSettings(), "vigil-cli", 2)) {
      System.out.println("Database is up to date (" + opened.dialect() + ").");
    }
    return 0;
  }
}
