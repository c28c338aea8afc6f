package io.vigil.vault.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.authrecord.AuthRecord;
import io.vigil.authrecord.CredentialResolver;
import io.vigil.authrecord.Technology;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A WAB vault and a Windows record created through the API, then the record's secret fetched for
 * one host from a WALLIX Bastion stub, with the target name resolved for that host.
 */
class WabRecordEndToEndTest {
  static final String TARGET_PASSWORD = "Wab-Target-Pass-9";

  static WabStub wab;
  static TestServer server;
  static long recordId;

  @BeforeAll
  static void start() {
    wab = new WabStub().account("qualys_scan@local@10.50.60.70", "my_authorization",
        "qualys_scan", TARGET_PASSWORD);
    server = TestServer.start();
    ApiReply vault = server.admin().post("/api/2.0/fo/vault/", form(
        "action", "create", "type", "Wallix AdminBastion (WAB)", "title", "Stub WAB",
        "url", wab.url() + "/api", "ssl_verify", "0", "username", WabStub.USER,
        "password", WabStub.PASSWORD));
    String vaultId = vault.xpath("//ITEM[KEY='ID']/VALUE");
    ApiReply record = server.admin().post("/api/2.0/fo/auth/windows/", form(
        "action", "create", "title", "WINDOWS_AUTH_WAB", "username", "administrator",
        "ips", "10.50.60.70,10.50.60.88", "login_type", "vault", "vault_id", vaultId,
        "vault_type", "Wallix AdminBastion (WAB)", "authorization_name", "my_authorization",
        "target_name", "qualys_scan@local@${ip}"));
    assertThat(record.xpath("//TEXT")).as(record.text()).isEqualTo("Successfully Created");
    recordId = Long.parseLong(record.xpath("//ID_SET/ID"));
  }

  @AfterAll
  static void stop() {
    server.close();
    wab.close();
  }

  @Test
  void targetNameIsResolvedPerHost() {
    AuthRecord record = record();
    CredentialResolver resolver = resolver();

    var first = resolver.resolve(record, HostIdentity.windows("10.50.60.70", null, null));
    var second = resolver.resolve(record, HostIdentity.windows("10.50.60.88", null, null));

    assertThat(first.targetName()).isEqualTo("qualys_scan@local@10.50.60.70");
    assertThat(second.targetName()).isEqualTo("qualys_scan@local@10.50.60.88");
    assertThat(first.vault().title()).isEqualTo("Stub WAB");
  }

  @Test
  void secretIsFetchedFromTheBastion() {
    CredentialResolver resolver = resolver();
    var resolution = resolver.resolve(record(), HostIdentity.windows("10.50.60.70", null, null));

    try (Credential credential = resolver.fetch(resolution, "10.50.60.70")) {
      assertThat(credential.username()).isEqualTo("qualys_scan");
      assertThat(new String(credential.secret().chars())).isEqualTo(TARGET_PASSWORD);
    }
  }

  @Test
  void hostWithoutAccountIsNotAuthorized() {
    CredentialResolver resolver = resolver();
    var resolution = resolver.resolve(record(), HostIdentity.windows("10.50.60.88", null, null));

    try {
      resolver.fetch(resolution, "10.50.60.88").close();
      throw new AssertionError("fetch should fail for a target the bastion does not know");
    } catch (VaultException e) {
      assertThat(e.getMessage()).contains("10.50.60.88").doesNotContain(WabStub.PASSWORD);
    }
  }

  private static AuthRecord record() {
    long subscription = server.server().accounts().defaultSubscription().id();
    return server.server().authRecords().find(subscription, Technology.WINDOWS, recordId)
        .orElseThrow();
  }

  private static CredentialResolver resolver() {
    return new CredentialResolver(server.server().authRecords(), server.server().vaults(),
        new VaultClients(VaultTestSupport.fastSettings()));
  }

  private static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      body.append(i == 0 ? "" : "&").append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }
}
