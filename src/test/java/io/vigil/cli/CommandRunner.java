package io.vigil.cli;

import io.vigil.account.AccountStore;
import io.vigil.account.AuthResult;
import io.vigil.account.Authenticator;
import io.vigil.account.LoginThrottle;
import io.vigil.account.PasswordHasher;
import io.vigil.config.DatabaseSettings;
import io.vigil.db.Database;
import io.vigil.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs vigil commands in this JVM against one test database, with the database options appended,
 * and captures what they print.
 */
final class CommandRunner {
  private final TestDatabase database;

  CommandRunner(TestDatabase database) {
    this.database = database;
  }

  /** Exit code, standard output and standard error of one command. */
  record Result(int exitCode, String out, String err) {
    /** Returns the output lines, without the line ends. */
    List<String> outLines() {
      return out.lines().toList();
    }
  }

  Result run(String... args) {
    return run(VigilCommand.commandLine(), null, args);
  }

  /** Runs a command with {@code stdin} as its standard input. */
  Result runWithInput(String stdin, String... args) {
    return run(VigilCommand.commandLine(), stdin, args);
  }

  /** Runs a command on a command line that the caller has prepared. */
  Result run(CommandLine commandLine, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    List<String> allArgs = new ArrayList<>(Arrays.asList(args));
    allArgs.addAll(databaseArgs());
    InputStream originalIn = System.in;
    if (stdin != null) {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    }
    try {
      int exitCode = commandLine.execute(allArgs.toArray(String[]::new));
      return new Result(exitCode, out.toString(), err.toString());
    } finally {
      System.setIn(originalIn);
    }
  }

  /**
   * Returns the options that point a command at the test database. On H2 runs the command finds
   * the file through --data-dir, and the empty --db-url keeps a VIGIL_DB_URL in the environment
   * from taking over.
   */
  private List<String> databaseArgs() {
    DatabaseSettings settings = database.settings();
    List<String> args = new ArrayList<>(List.of("--data-dir", database.dataDir().toString()));
    if (settings.isPostgres()) {
      args.add("--db-url=" + settings.url());
      args.add("--db-user=" + settings.user());
      args.add("--db-password=" + settings.password());
    } else {
      args.add("--db-url=");
    }
    return args;
  }

  /** Checks a login and password against the database, as an API call does. */
  AuthResult authenticate(String login, String password) {
    try (Database opened = Database.open(database.settings(), "cli-test", 2)) {
      AccountStore store = new AccountStore(opened.jdbi(), Clock.systemUTC());
      // Cost 4 only speeds up the dummy hash that the authenticator computes. Stored hashes keep
      // their own cost.
      Authenticator authenticator =
          new Authenticator(
              store,
              new PasswordHasher(4),
              new LoginThrottle(Clock.systemUTC()),
              Clock.systemUTC());
      return authenticator.authenticate(login, password, "127.0.0.1");
    }
  }
}
