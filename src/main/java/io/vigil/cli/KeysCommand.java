package io.vigil.cli;

import io.vigil.secret.Keyring;
import io.vigil.secret.MasterKey;
import io.vigil.secret.SecretBox;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code vigil keys rotate}: re-encrypts every stored secret with a new master key. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Manage the master key that encrypts stored secrets.")
final class KeysCommand {
  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  /** Environment that supplies {@code VIGIL_MASTER_KEY}. Tests replace it. */
  Map<String, String> environment = System.getenv();

  @Command(
      name = "rotate",
      mixinStandardHelpOptions = true,
      description = "Generate a new master key and re-encrypt every stored secret with it, in one"
          + " transaction. Stop every Vigil server on this database first: a running server"
          + " keeps the old key until it restarts. With a key file, the file is replaced; with"
          + " VIGIL_MASTER_KEY, the new key is printed and must be set before the next start.")
  int rotate() {
    PrintWriter out = spec.commandLine().getOut();
    String envKey = environment.get(MasterKey.ENV_VARIABLE);
    boolean fromEnv = envKey != null && !envKey.isBlank();
    try (AccountCommands.Session session = AccountCommands.open(database)) {
      SecretBox current = Keyring.open(session.database().jdbi(), envKey, database.dataDir);
      Keyring.Rotation rotation =
          Keyring.rotate(session.database().jdbi(), current, database.dataDir, fromEnv);
      out.println("Re-encrypted " + rotation.resealedValues() + " stored secret(s).");
      if (fromEnv) {
        out.println("Set " + MasterKey.ENV_VARIABLE + " to the new key before the next start:");
        out.println(rotation.box().key().toBase64());
      } else {
        out.println("New key written to " + database.dataDir.resolve(MasterKey.FILE_NAME) + ".");
      }
    }
    return 0;
  }
}
