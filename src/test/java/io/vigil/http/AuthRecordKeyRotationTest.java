package io.vigil.http;

import static io.vigil.testing.Forms.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.authrecord.AuthRecord;
import io.vigil.authrecord.AuthRecordService;
import io.vigil.authrecord.RecordInput.PrivateKeyInput;
import io.vigil.authrecord.Technology;
import io.vigil.secret.Keyring;
import io.vigil.secret.SecretBox;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import io.vigil.vault.VaultService;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Master key rotation re-seals record passwords, private keys and passphrases. */
class AuthRecordKeyRotationTest {

  @Test
  void rotationResealsRecordSecrets() {
    try (TestServer server = TestServer.start()) {
      ApiReply created = server.admin().postBody("/api/2.0/fo/auth/unix/?" + encode("action",
          "create", "title", "Rotated", "username", "root", "password", "rotated-pw",
          "ips", "10.30.0.1"), "text/xml", new String(AuthRecordDtdTest.sample(
          "create_private_key_sample_2.xml"), StandardCharsets.UTF_8));
      long id = Long.parseLong(created.xpath("//BATCH/ID_SET/ID"));
      Jdbi jdbi = server.server().database().jdbi();
      Path dataDir = server.server().settings().dataDir();
      SecretBox current = Keyring.open(jdbi, null, dataDir);

      Keyring.Rotation rotation = Keyring.rotate(jdbi, current, dataDir, false);
      AuthRecordService reopened = new AuthRecordService(jdbi, rotation.box(),
          new VaultService(jdbi, rotation.box(), Clock.systemUTC()), Clock.systemUTC());
      long subscription = server.server().accounts().defaultSubscription().id();
      AuthRecord record = reopened.find(subscription, Technology.UNIX, id).orElseThrow();
      List<PrivateKeyInput> keys = reopened.openPrivateKeys(record);

      assertThat(rotation.resealedValues()).isEqualTo(2);
      assertThat(reopened.secrets(record)).containsEntry("password", "rotated-pw");
      assertThat(keys).hasSize(1);
      assertThat(keys.get(0).privateKey()).startsWith("-----BEGIN RSA PRIVATE KEY-----");
      assertThat(keys.get(0).passphrase()).isEqualTo("12345");
    }
  }
}
