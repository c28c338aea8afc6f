package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.AuthResult;
import io.vigil.testing.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code vigil db migrate}, and account commands on a database that was never set up. */
class DbCommandTest {
  TestDatabase database;
  CommandRunner vigil;

  @BeforeEach
  void createDatabase() {
    database = TestDatabase.create();
    vigil = new CommandRunner(database);
  }

  @AfterEach
  void dropDatabase() {
    database.close();
  }

  /** Runs {@code db migrate} with {@code environment} in place of the process environment. */
  CommandRunner.Result migrate(Map<String, String> environment) {
    CommandLine commandLine = VigilCommand.commandLine();
    DbCommand db = commandLine.getSubcommands().get("db").getCommand();
    db.environment = environment;
    return vigil.run(commandLine, null, "db", "migrate");
  }

  @Test
  void migrateCreatesAdminOnEmptyDatabase() {
    CommandRunner.Result result = migrate(Map.of());

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.err()).isEmpty();
    String dialect = TestDatabase.isPostgresRun() ? "POSTGRESQL" : "H2";
    assertThat(result.outLines()).first().isEqualTo("Database is up to date (" + dialect + ").");
    assertThat(result.out()).contains("Created the Manager user 'admin' with the password:");
    String password = result.outLines().get(4).trim();
    assertThat(password).matches("[A-Za-z0-9]{20}");
    assertThat(vigil.authenticate("admin", password))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void migrateUsesAdminPasswordVariable() {
    CommandRunner.Result result =
        migrate(Map.of("VIGIL_ADMIN_PASSWORD", "chosen-admin-password"));

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out())
        .contains("Created the Manager user 'admin' with the password from VIGIL_ADMIN_PASSWORD.")
        .doesNotContain("chosen-admin-password");
    assertThat(vigil.authenticate("admin", "chosen-admin-password"))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void secondMigrateKeepsAdmin() {
    migrate(Map.of("VIGIL_ADMIN_PASSWORD", "chosen-admin-password"));

    CommandRunner.Result second = migrate(Map.of());

    assertThat(second.exitCode()).isEqualTo(0);
    assertThat(second.outLines()).hasSize(1);
    assertThat(second.out()).startsWith("Database is up to date");
    assertThat(vigil.authenticate("admin", "chosen-admin-password"))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void shortAdminPasswordIsRejected() {
    CommandRunner.Result result = migrate(Map.of("VIGIL_ADMIN_PASSWORD", "short"));

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("vigil: VIGIL_ADMIN_PASSWORD is too short: use at least 12 characters.\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void userAddBeforeMigrateExplainsWhatToRun() {
    CommandRunner.Result result =
        vigil.runWithInput("a-long-password-1\n", "user", "add", "alice", "--role", "Scanner",
            "--password-stdin");

    assertThat(result.exitCode()).isEqualTo(1);
    if (TestDatabase.isPostgresRun()) {
      assertThat(result.err())
          .isEqualTo(
              "vigil: The database has no subscription yet: start the server once or run"
                  + " 'vigil db migrate'.\n");
    } else {
      assertThat(result.err()).startsWith("vigil: No Vigil database in ")
          .contains("'vigil db migrate'");
    }
    assertThat(result.out()).isEmpty();
  }

  @Test
  void userListBeforeMigrateNeedsDatabase() {
    CommandRunner.Result result = vigil.run("user", "list");

    if (TestDatabase.isPostgresRun()) {
      assertThat(result.exitCode()).isEqualTo(0);
      assertThat(result.outLines()).hasSize(1);
      assertThat(result.outLines().get(0)).startsWith("ID").contains("LOGIN").contains("ROLE");
    } else {
      assertThat(result.exitCode()).isEqualTo(1);
      assertThat(result.err()).startsWith("vigil: No Vigil database in ");
    }
  }
}
