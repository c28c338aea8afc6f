package io.vigil.cli;

import io.vigil.account.AccountService;
import io.vigil.account.AccountStore;
import io.vigil.account.PasswordHasher;
import io.vigil.db.Database;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.Arrays;

/** Opens the database for the account commands, which run beside a live server. */
final class AccountCommands {
  private AccountCommands() {}

  /** The open database and the account services on it; close it when done. */
  record Session(Database database, AccountStore store, AccountService accounts)
      implements AutoCloseable {
    @Override
    public void close() {
      database.close();
    }
  }

  static Session open(DatabaseOptions options) {
    try {
      Files.createDirectories(options.dataDir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
}
