package io.vigil.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigil db migrate}: applies pending schema migrations without starting the server, and on
 * an empty database creates the subscription and the first Manager, as the first start does.
 */
@Command(name = "db", mixinStandardHelpOptions = true, description = "Database maintenance.")
final class DbCommand {
  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  /** Environment that supplies {@code VIGIL_ADMIN_PASSWORD}. Tests replace it. */
  Map<String, String> environment = System.getenv();

  @Command(
      name = "migrate",
      mixinStandardHelpOptions = true,
      description = "Apply every pending schema migration, then exit. On an empty database, also"
          + " create the subscription and the Manager user admin, with the password from"
          + " VIGIL_ADMIN_PASSWORD or a generated one that is printed once.")
  int migrate() {
    PrintWriter out = spec.commandLine().getOut();
    String adminPassword = AccountCommands.adminPassword(environment);
    try (AccountCommands.Session session = AccountCommands.create(database)) {
      out.println("Database is up to date (" + session.database().dialect() + ").");
      session
          .accounts()
          .bootstrap(adminPassword)
          .ifPresent(bootstrap -> AccountCommands.announce(bootstrap, out));
    }
    return 0;
  }
}
