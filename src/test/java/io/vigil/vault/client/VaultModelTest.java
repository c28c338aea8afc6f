package io.vigil.vault.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class VaultModelTest {
  static final URI URL = URI.create("https://vault.example.test");
  static final String SECRET = "Xq7-demo-pass";

  @Test
  void secretToStringHidesValue() {
    Secret secret = Secret.of(SECRET);

    assertThat(secret.toString()).isEqualTo("Secret[****]");
    assertThat(new Credential("svc", secret).toString()).doesNotContain(SECRET);
  }

  @Test
  void secretCharsAreCopies() {
    Secret secret = Secret.copyOf(SECRET.toCharArray());
    char[] copy = secret.chars();
    copy[0] = 'z';

    assertThat(new String(secret.chars())).isEqualTo(SECRET);
  }

  @Test
  void wipedSecretCannotBeRead() {
    Secret secret = Secret.of(SECRET);
    char[] internal = secret.view();

    secret.wipe();

    assertThat(secret.isWiped()).isTrue();
    assertThat(secret.toString()).isEqualTo("Secret[wiped]");
    assertThat(new String(internal)).doesNotContain("X");
    assertThatThrownBy(secret::chars).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void closingCredentialWipesSecret() {
    Credential credential = new Credential("svc", Secret.of(SECRET));

    credential.close();

    assertThat(credential.secret().isWiped()).isTrue();
  }

  @Test
  void nullUsernameBecomesEmpty() {
    assertThat(new Credential(null, Secret.of(SECRET)).username()).isEmpty();
  }

  @Test
  void connectionsHideSecretsInToString() {
    PimConnection pim = new PimConnection(URL, "vigil", Secret.of(SECRET), null, true);
    WabConnection wab = WabConnection.withApiKey(URL, true, "vigil", Secret.of(SECRET));
    AimConnection aim =
        new AimConnection(
            URL,
            "Vigil",
            "Safe",
            new ClientCertificate(Path.of("client.p12"), Secret.of(SECRET)),
            true);

    assertThat(pim.toString()).doesNotContain(SECRET);
    assertThat(wab.toString()).doesNotContain(SECRET);
    assertThat(aim.toString()).doesNotContain(SECRET);
  }

  @Test
  void wabNeedsPasswordOrApiKeyNotBoth() {
    assertThatThrownBy(
            () -> new WabConnection(URL, true, "vigil", Secret.of("a"), Secret.of("b"), null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("either a password or an appkey");
    assertThatThrownBy(() -> new WabConnection(URL, true, "vigil", null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void wabDefaultsApiVersion() {
    WabConnection wab = new WabConnection(URL, true, "vigil", Secret.of("a"), null, null);

    assertThat(wab.apiVersion()).isEqualTo(WabConnection.DEFAULT_API_VERSION);
  }

  @Test
  void pimDefaultsToCyberArkMethod() {
    PimConnection pim = new PimConnection(URL, "vigil", Secret.of("a"), null, true);

    assertThat(pim.authMethod()).isEqualTo(PvwaAuthMethod.CYBERARK);
  }

  @Test
  void pimRequestNeedsNameOrKeywords() {
    assertThatThrownBy(() -> new PimRequest("Safe", "name", "keywords"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new PimRequest("Safe", null, " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void urlMustBeHttpWithHost() {
    assertThatThrownBy(() -> new AimConnection(URI.create("ftp://ccp"), "a", "s", null, true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("http or https URL");
    assertThatThrownBy(
            () -> new AimConnection(URI.create("ccp.example.test"), "a", "s", null, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aimRequestNeedsObject() {
    assertThatThrownBy(() -> new AimRequest("Root", ""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Object (file) is missing");
  }

  @Test
  void settingsRejectZeroAttempts() {
    VaultClientSettings defaults = VaultClientSettings.defaults();

    assertThatThrownBy(
            () ->
                new VaultClientSettings(
                    defaults.connectTimeout(),
                    defaults.requestTimeout(),
                    0,
                    defaults.initialBackoff(),
                    defaults.maxBackoff()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxAttempts");
  }

  @Test
  void vaultTypesUseQualysNames() {
    assertThat(VaultType.CYBERARK_AIM.qualysName()).isEqualTo("CyberArk AIM");
    assertThat(VaultType.CYBERARK_PIM_SUITE.qualysName()).isEqualTo("CyberArk PIM Suite");
    assertThat(VaultType.WALLIX_WAB.qualysName()).isEqualTo("Wallix AdminBastion (WAB)");
  }
}
