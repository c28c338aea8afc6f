package io.vigil.cli;

import io.vigil.account.AccountService;
import io.vigil.account.AccountStore;
import io.vigil.account.PasswordHasher;
import io.vigil.config.DataDirectory;
import io.vigil.config.InvalidSettingsException;
import io.vigil.db.Database;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;

/** Opens the database for the account commands, which run beside a live server. */
final class AccountCommands {
  /** Environment variable with the password of the first Manager on an empty database. */
  static final String ADMIN_PASSWORD_VARIABLE = "VIGIL_ADMIN_PASSWORD";

  private AccountCommands() {}

  /** The open database and the account services on it; close it when done. */
  record Session(Database database, AccountStore store, AccountService accounts)
      implements AutoCloseable {
    @Override
    public void close() {
      database.close();
    }
  }

  /**
   * Opens an existing database. With the embedded H2 default, a data directory without a database
   * is an error rather than a new empty database, since it usually means a mistyped --data-dir.
   */
  static Session open(DatabaseOptions options) {
    if (options.usesEmbeddedDatabase() && !DataDirectory.hasEmbeddedDatabase(options.dataDir)) {
      throw new InvalidSettingsException(
          "No Vigil database in " + options.dataDir.toAbsolutePath()
              + ": pass the --data-dir of the server, or create one with 'vigil db migrate'.");
    }
    return create(options);
  }

  /** Opens the database, creating and migrating it when it does not exist yet. */
  static Session create(DatabaseOptions options) {
    DataDirectory.prepare(options.dataDir);
    Database database = Database.open(options.toSettings(), "vigil-cli", 2);
    AccountStore store = new AccountStore(database.jdbi(), Clock.systemUTC());
    AccountService accounts =
        new AccountService(store, new PasswordHasher(io.vigil.VigilServer.PASSWORD_LOG_ROUNDS));
    return new Session(database, store, accounts);
  }

  /**
   * Reads a new password: one line from standard input with {@code fromStdin}, else twice from the
   * terminal. Returns null when neither is possible, so the caller generates one.
   */
  static String readPassword(boolean fromStdin) {
    if (fromStdin) {
      try {
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line = reader.readLine();
        if (line == null || line.isEmpty()) {
          throw new IllegalStateException("No password on standard input.");
        }
        return line;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Console console = System.console();
    if (console == null) {
      return null;
    }
    char[] first = console.readPassword("New password: ");
    char[] second = console.readPassword("Repeat it: ");
    if (first == null || second == null || !Arrays.equals(first, second)) {
      throw new IllegalStateException("The two passwords differ; nothing was changed.");
    }
    return new String(first);
  }

  /**
   * Returns the first Manager's password from {@value #ADMIN_PASSWORD_VARIABLE}, or null when the
   * variable is unset or empty, so that Vigil generates one.
   */
  static String adminPassword(Map<String, String> environment) {
    String password = environment.get(ADMIN_PASSWORD_VARIABLE);
    if (password == null || password.isEmpty()) {
      return null;
    }
    if (password.length() < PasswordHasher.MIN_PASSWORD_LENGTH) {
      throw new IllegalStateException(
          ADMIN_PASSWORD_VARIABLE
              + " is too short: use at least "
              + PasswordHasher.MIN_PASSWORD_LENGTH
              + " characters.");
    }
    return password;
  }

  /**
   * Prints that the first Manager was created and, when Vigil generated the password, the
   * password. It goes to the command's output only and is never logged.
   */
  static void announce(AccountService.Bootstrap bootstrap, PrintWriter out) {
    String login = bootstrap.admin().login();
    if (!bootstrap.passwordGenerated()) {
      out.println("Created the Manager user '" + login + "' with the password from "
          + ADMIN_PASSWORD_VARIABLE + ".");
      return;
    }
    out.println();
    out.println("Created the Manager user '" + login + "' with the password:");
    out.println();
    out.println("    " + bootstrap.password());
    out.println();
    out.println("It is shown only this once. Change it with: vigil user passwd " + login);
    out.println();
  }
}
