package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.account.AuthResult;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code vigil user add|list|passwd|disable|enable} on a migrated test database. */
class UserCommandTest {
  static final String PASSWORD = "first-password-for-cli";

  static TestDatabase database;
  static CommandRunner vigil;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.create();
    vigil = new CommandRunner(database);
    assertThat(vigil.run("db", "migrate").exitCode()).isEqualTo(0);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  static CommandRunner.Result addUser(String login, String role, String password) {
    return vigil.runWithInput(
        password + "\n", "user", "add", login, "--role", role, "--password-stdin");
  }

  /** Returns the line of {@code user list} that shows {@code login}. */
  static String listLine(String login) {
    CommandRunner.Result list = vigil.run("user", "list");
    assertThat(list.exitCode()).isEqualTo(0);
    return list.outLines().stream()
        .filter(line -> line.split("\\s+")[1].equals(login))
        .findFirst()
        .orElseThrow(() -> new AssertionError("No " + login + " in:\n" + list.out()));
  }

  /** Checks that a failed command printed one error line, no stack trace, and nothing else. */
  static void assertOneLineError(CommandRunner.Result result, String message) {
    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("vigil: " + message + "\n");
    assertThat(result.err()).doesNotContain("\tat ");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void addedUserIsListedWithRole() {
    CommandRunner.Result added = addUser("alice", "Scanner", PASSWORD);

    assertThat(added.exitCode()).isEqualTo(0);
    assertThat(added.out()).isEqualTo("Created user alice (Scanner).\n");
    assertThat(listLine("alice")).matches("\\d+ +alice +Scanner +Active +");
    assertThat(vigil.authenticate("alice", PASSWORD))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void roleConstantNameIsAccepted() {
    CommandRunner.Result added =
        vigil.runWithInput(PASSWORD + "\n", "user", "add", "umanager", "--role", "unit_manager",
            "--first-name", "Uma", "--last-name", "Nager", "--password-stdin");

    assertThat(added.exitCode()).isEqualTo(0);
    assertThat(listLine("umanager")).matches("\\d+ +umanager +Unit Manager +Active +Uma Nager");
  }

  @Test
  void listShowsHeaderAndAdmin() {
    CommandRunner.Result list = vigil.run("user", "list");

    assertThat(list.outLines().get(0)).matches("ID +LOGIN +ROLE +STATUS +NAME");
    assertThat(listLine("admin")).matches("\\d+ +admin +Manager +Active +Vigil Administrator");
  }

  @Test
  void invalidRoleFailsWithOneLine() {
    CommandRunner.Result result = addUser("bob", "Boss", PASSWORD);

    assertOneLineError(
        result,
        "Invalid role 'Boss': use one of Manager, Unit Manager, Scanner, Reader, Auditor.");
  }

  @Test
  void invalidLoginFailsWithOneLine() {
    CommandRunner.Result result = addUser("bad login", "Reader", PASSWORD);

    assertOneLineError(
        result,
        "Invalid login 'bad login': use 1 to 64 letters, digits, '_', '-', '.' or '@', starting"
            + " with a letter or digit.");
  }

  @Test
  void duplicateLoginFailsWithOneLine() {
    addUser("carol", "Reader", PASSWORD);

    CommandRunner.Result again = addUser("carol", "Auditor", PASSWORD);

    assertOneLineError(again, "Login already exists: carol");
  }

  @Test
  void shortPasswordFailsWithOneLine() {
    CommandRunner.Result result = addUser("dave", "Reader", "short");

    assertOneLineError(result, "Password is too short: use at least 12 characters.");
  }

  @Test
  void emptyStandardInputFails() {
    CommandRunner.Result result =
        vigil.runWithInput("", "user", "add", "erin", "--role", "Reader", "--password-stdin");

    assertOneLineError(result, "No password on standard input.");
  }

  @Test
  void missingRoleIsUsageError() {
    CommandRunner.Result result = vigil.run("user", "add", "frank");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).startsWith("Missing required option: '--role=ROLE'");
  }

  @Test
  void addWithoutTerminalPrintsGeneratedPassword() {
    // With no terminal and no --password-stdin, the command generates the password.
    assumeTrue(System.console() == null, "the test JVM has a terminal");

    CommandRunner.Result added = vigil.run("user", "add", "grace", "--role", "Reader");

    assertThat(added.exitCode()).isEqualTo(0);
    assertThat(added.outLines().get(0)).isEqualTo("Created user grace (Reader).");
    assertThat(added.outLines().get(1)).matches("Password: [A-Za-z0-9]{20}");
    String password = added.outLines().get(1).substring("Password: ".length());
    assertThat(vigil.authenticate("grace", password))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void passwdChangesPassword() {
    addUser("heidi", "Scanner", PASSWORD);

    CommandRunner.Result changed =
        vigil.runWithInput("second-password-for-cli\n", "user", "passwd", "heidi",
            "--password-stdin");

    assertThat(changed.exitCode()).isEqualTo(0);
    assertThat(changed.out()).isEqualTo("Changed the password of heidi.\n");
    assertThat(vigil.authenticate("heidi", "second-password-for-cli"))
        .isInstanceOf(AuthResult.Authenticated.class);
    assertThat(vigil.authenticate("heidi", PASSWORD))
        .isInstanceOf(AuthResult.BadCredentials.class);
  }

  @Test
  void passwdOfUnknownUserFails() {
    CommandRunner.Result result =
        vigil.runWithInput(PASSWORD + "\n", "user", "passwd", "nobody", "--password-stdin");

    assertOneLineError(result, "User not found: nobody");
  }

  @Test
  void disableThenEnableUser() {
    addUser("ivan", "Scanner", PASSWORD);

    CommandRunner.Result disabled = vigil.run("user", "disable", "ivan");

    assertThat(disabled.exitCode()).isEqualTo(0);
    assertThat(disabled.out()).isEqualTo("User ivan is now Inactive.\n");
    assertThat(listLine("ivan")).matches("\\d+ +ivan +Scanner +Inactive +");
    assertThat(vigil.authenticate("ivan", PASSWORD)).isInstanceOf(AuthResult.Inactive.class);

    CommandRunner.Result enabled = vigil.run("user", "enable", "ivan");

    assertThat(enabled.exitCode()).isEqualTo(0);
    assertThat(enabled.out()).isEqualTo("User ivan is now Active.\n");
    assertThat(listLine("ivan")).matches("\\d+ +ivan +Scanner +Active +");
    assertThat(vigil.authenticate("ivan", PASSWORD))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void disableUnknownUserFails() {
    CommandRunner.Result result = vigil.run("user", "disable", "ghost");

    assertOneLineError(result, "User not found: ghost");
  }
}
