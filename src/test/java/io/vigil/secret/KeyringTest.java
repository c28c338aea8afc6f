package io.vigil.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.db.Database;
import io.vigil.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The master key: created once, checked at every start, rotated without losing secrets. */
class KeyringTest {
  TestDatabase testDatabase;
  Database database;
  Path dataDir;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.create();
    database = Database.open(testDatabase.settings(), "test", 2);
    dataDir = testDatabase.dataDir();
  }

  @AfterEach
  void close() {
    database.close();
    testDatabase.close();
  }

  @Test
  void firstOpenCreatesOwnerOnlyKeyFile() throws Exception {
    Keyring.open(database.jdbi(), null, dataDir);

    Path file = dataDir.resolve(MasterKey.FILE_NAME);
    assertThat(file).exists();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void reopenWithSameKeyDecryptsSecrets() {
    SecretBox first = Keyring.open(database.jdbi(), null, dataDir);
    String sealed = first.seal("s3cret", "test.purpose");

    SecretBox second = Keyring.open(database.jdbi(), null, dataDir);

    assertThat(second.open(sealed, "test.purpose")).isEqualTo("s3cret");
  }

  @Test
  void sealedValueNeedsSamePurpose() {
    SecretBox box = Keyring.open(database.jdbi(), null, dataDir);
    String sealed = box.seal("s3cret", "vault.secrets");

    assertThatThrownBy(() -> box.open(sealed, "other.column"))
        .isInstanceOf(InvalidMasterKeyException.class);
  }

  @Test
  void wrongKeyFileStopsStartup() {
    Keyring.open(database.jdbi(), null, dataDir);
    MasterKey.generate("test").writeTo(dataDir.resolve(MasterKey.FILE_NAME));

    assertThatThrownBy(() -> Keyring.open(database.jdbi(), null, dataDir))
        .isInstanceOf(InvalidMasterKeyException.class)
        .hasMessageContaining("does not match");
  }

  @Test
  void missingKeyFileStopsStartup() throws Exception {
    Keyring.open(database.jdbi(), null, dataDir);
    Files.delete(dataDir.resolve(MasterKey.FILE_NAME));

    assertThatThrownBy(() -> Keyring.open(database.jdbi(), null, dataDir))
        .isInstanceOf(InvalidMasterKeyException.class)
        .hasMessageContaining("Missing master key");
  }

  @Test
  void environmentKeyTakesPrecedence() {
    MasterKey key = MasterKey.generate("env");
    Keyring.open(database.jdbi(), key.toBase64(), dataDir);

    SecretBox again = Keyring.open(database.jdbi(), key.toBase64(), dataDir);

    assertThat(again.key()).isEqualTo(key);
    assertThat(dataDir.resolve(MasterKey.FILE_NAME)).doesNotExist();
  }

  @Test
  void malformedEnvironmentKeyIsRejected() {
    assertThatThrownBy(() -> Keyring.open(database.jdbi(), "not base64!", dataDir))
        .isInstanceOf(InvalidMasterKeyException.class)
        .hasMessageContaining("VIGIL_MASTER_KEY");
    assertThatThrownBy(() -> Keyring.open(database.jdbi(), "c2hvcnQ=", dataDir))
        .isInstanceOf(InvalidMasterKeyException.class)
        .hasMessageContaining("32 bytes");
  }

  @Test
  void rotationResealsEveryVault() {
    SecretBox box = Keyring.open(database.jdbi(), null, dataDir);
    long subscription = insertSubscription();
    insertVault(subscription, box.seal("{\"password\":\"pw-one\"}", "vault.secrets"));
    MasterKey oldKey = box.key();

    Keyring.Rotation rotation = Keyring.rotate(database.jdbi(), box, dataDir, false);
    SecretBox reopened = Keyring.open(database.jdbi(), null, dataDir);
    String sealed =
        database.jdbi().withHandle(h -> h.createQuery("SELECT secrets_sealed FROM vault")
            .mapTo(String.class).one());

    assertThat(rotation.resealedValues()).isEqualTo(1);
    assertThat(reopened.key()).isNotEqualTo(oldKey);
    assertThat(reopened.open(sealed, "vault.secrets")).isEqualTo("{\"password\":\"pw-one\"}");
    assertThatThrownBy(() -> box.open(sealed, "vault.secrets"))
        .isInstanceOf(InvalidMasterKeyException.class);
    assertThat(dataDir.resolve(Keyring.NEXT_KEY_FILE)).doesNotExist();
  }

  @Test
  void interruptedRotationIsFinishedAtStart() {
    SecretBox box = Keyring.open(database.jdbi(), null, dataDir);
    MasterKey oldKey = box.key();
    Keyring.rotate(database.jdbi(), box, dataDir, false);
    MasterKey newKey = Keyring.open(database.jdbi(), null, dataDir).key();
    // Simulates a crash after the database commit but before the key file was replaced.
    newKey.writeTo(dataDir.resolve(Keyring.NEXT_KEY_FILE));
    oldKey.writeTo(dataDir.resolve(MasterKey.FILE_NAME));

    SecretBox recovered = Keyring.open(database.jdbi(), null, dataDir);

    assertThat(recovered.key()).isEqualTo(newKey);
    assertThat(dataDir.resolve(Keyring.NEXT_KEY_FILE)).doesNotExist();
  }

  private long insertSubscription() {
    return database.jdbi().withHandle(h -> h.createUpdate(
            "INSERT INTO subscription (type, company_name, rate_limit_calls,"
                + " rate_limit_window_sec, concurrency_limit, created_at)"
                + " VALUES ('Enterprise', 'Test', 10, 60, 1, :now)")
        .bind("now", Instant.now())
        .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one());
  }

  private void insertVault(long subscription, String sealed) {
    database.jdbi().useHandle(h -> h.createUpdate(
            "INSERT INTO vault (subscription_id, title, type, settings, secrets_sealed,"
                + " created_at, created_by, modified_at, modified_by) VALUES (:sub, 'V',"
                + " 'Wallix AdminBastion (WAB)', '{}', :sealed, :now, 'admin', :now, 'admin')")
        .bind("sub", subscription).bind("sealed", sealed).bind("now", Instant.now()).execute());
  }
}
