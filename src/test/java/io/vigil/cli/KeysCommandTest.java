package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.db.Database;
import io.vigil.secret.Keyring;
import io.vigil.secret.MasterKey;
import io.vigil.secret.SecretBox;
import io.vigil.testing.TestDatabase;
import io.vigil.vault.VaultService;
import io.vigil.vault.VaultType;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KeysCommandTest {
  TestDatabase database;
  CommandRunner runner;

  @BeforeEach
  void create() {
    database = TestDatabase.create();
    runner = new CommandRunner(database);
  }

  @AfterEach
  void drop() {
    database.close();
  }

  @Test
  void rotateKeepsVaultSecretsReadable() {
    long vaultId;
    MasterKey oldKey;
    try (Database db = Database.open(database.settings(), "test", 2)) {
      SecretBox box = Keyring.open(db.jdbi(), null, database.dataDir());
      oldKey = box.key();
      VaultService vaults = new VaultService(db.jdbi(), box, Clock.systemUTC());
      long subscription = insertSubscription(db);
      vaultId = vaults.create(subscription, "admin", VaultType.WALLIX_ADMINBASTION,
          new VaultService.VaultInput("W", "", Map.of("url", "https://wab.example.com",
              "username", "u"), Map.of("password", "before-rotation")));
    }

    CommandRunner.Result result = runner.run("keys", "rotate");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Re-encrypted 1 stored secret(s).");
    try (Database db = Database.open(database.settings(), "test", 2)) {
      SecretBox box = Keyring.open(db.jdbi(), null, database.dataDir());
      VaultService vaults = new VaultService(db.jdbi(), box, Clock.systemUTC());
      var vault = vaults.find(vaultSubscription(db), vaultId);
      assertThat(box.key()).isNotEqualTo(oldKey);
      assertThat(vaults.secrets(vault)).containsEntry("password", "before-rotation");
    }
  }

  private static long insertSubscription(Database db) {
    return db.jdbi().withHandle(h -> h.createUpdate(
            "INSERT INTO subscription (type, company_name, rate_limit_calls,"
                + " rate_limit_window_sec, concurrency_limit, created_at)"
                + " VALUES ('Enterprise', 'Test', 10, 60, 1, CURRENT_TIMESTAMP)")
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
  }

  private static long vaultSubscription(Database db) {
    return db.jdbi().withHandle(h -> h.createQuery("SELECT subscription_id FROM vault")
        .mapTo(Long.class).one());
  }
}
