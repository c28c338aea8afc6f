package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Settings#validate()}: each bad value gets a message that names it and the fix. */
class SettingsTest {
  @TempDir Path dataDir;

  Settings valid() {
    return new Settings(
        "127.0.0.1",
        8080,
        dataDir,
        DatabaseSettings.embeddedH2(dataDir),
        "https://vigil.example.com",
        null,
        Settings.DEFAULT_SESSION_TIMEOUT,
        Settings.DEFAULT_MAX_SESSIONS_PER_USER,
        "admin-password-long-enough");
  }

  Settings withPort(int port) {
    Settings s = valid();
    return new Settings(s.host(), port, s.dataDir(), s.database(), s.baseUrl(), s.tls(),
        s.sessionTimeout(), s.maxSessionsPerUser(), s.adminPassword());
  }

  Settings withBaseUrl(String baseUrl) {
    Settings s = valid();
    return new Settings(s.host(), s.port(), s.dataDir(), s.database(), baseUrl, s.tls(),
        s.sessionTimeout(), s.maxSessionsPerUser(), s.adminPassword());
  }

  Settings withTls(Settings.TlsSettings tls) {
    Settings s = valid();
    return new Settings(s.host(), s.port(), s.dataDir(), s.database(), s.baseUrl(), tls,
        s.sessionTimeout(), s.maxSessionsPerUser(), s.adminPassword());
  }

  Settings withAdminPassword(String adminPassword) {
    Settings s = valid();
    return new Settings(s.host(), s.port(), s.dataDir(), s.database(), s.baseUrl(), s.tls(),
        s.sessionTimeout(), s.maxSessionsPerUser(), adminPassword);
  }

  @Test
  void validSettingsPass() {
    Settings settings = valid();

    assertThat(settings.validate()).isSameAs(settings);
  }

  @Test
  void portZeroIsAccepted() {
    // Port 0 makes the system pick a free port, which tests rely on.
    assertThat(withPort(0).validate().port()).isEqualTo(0);
  }

  @Test
  void negativePortIsRejected() {
    assertThatThrownBy(() -> withPort(-1).validate())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("Invalid port -1: use a value from 1 to 65535, or 0 for any free port.");
  }

  @Test
  void tooLargePortIsRejected() {
    assertThatThrownBy(() -> withPort(65536).validate())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("Invalid port 65536: use a value from 1 to 65535, or 0 for any free port.");
  }

  @Test
  void baseUrlTrailingSlashIsRejected() {
    assertThatThrownBy(() -> withBaseUrl("https://vigil.example.com/").validate())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("Invalid base URL https://vigil.example.com/: remove the trailing slash.");
  }

  @Test
  void baseUrlFtpSchemeIsRejected() {
    assertThatThrownBy(() -> withBaseUrl("ftp://vigil.example.com").validate())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "Invalid base URL ftp://vigil.example.com: use http://HOST[:PORT] or"
                + " https://HOST[:PORT].");
  }

  @Test
  void baseUrlWithoutHostIsRejected() {
    assertThatThrownBy(() -> withBaseUrl("vigil.example.com").validate())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("Invalid base URL vigil.example.com: use http://HOST");
  }

  @Test
  void baseUrlWithSpaceIsRejected() {
    assertThatThrownBy(() -> withBaseUrl("https://vigil example.com").validate())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("Invalid base URL https://vigil example.com: ");
  }

  @Test
  void baseUrlWithPortAndPathIsAccepted() {
    Settings settings = withBaseUrl("http://localhost:8080/qualys");

    assertThat(settings.validate().baseUrl()).isEqualTo("http://localhost:8080/qualys");
  }

  @Test
  void missingKeystoreIsRejected() {
    Path keystore = dataDir.resolve("missing.p12");

    assertThatThrownBy(() -> withTls(new Settings.TlsSettings(keystore, "secret")).validate())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("TLS keystore " + keystore + " is missing or not readable.");
  }

  @Test
  void missingKeystorePasswordIsRejected() throws IOException {
    Path keystore = Files.createFile(dataDir.resolve("server.p12"));

    assertThatThrownBy(() -> withTls(new Settings.TlsSettings(keystore, null)).validate())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "Missing TLS keystore password: set --tls-keystore-password or"
                + " VIGIL_TLS_KEYSTORE_PASSWORD.");
  }

  @Test
  void shortAdminPasswordIsRejected() {
    assertThatThrownBy(() -> withAdminPassword("elevenchars").validate())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "Invalid VIGIL_ADMIN_PASSWORD: Password is too short: use at least 12 characters.");
  }

  @Test
  void overlongAdminPasswordIsRejected() {
    assertThatThrownBy(() -> withAdminPassword("x".repeat(73)).validate())
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage(
            "Invalid VIGIL_ADMIN_PASSWORD: Password is too long: use at most 72 bytes in UTF-8.");
  }

  @Test
  void twelveCharacterAdminPasswordIsAccepted() {
    assertThat(withAdminPassword("twelve-chars").validate().adminPassword())
        .isEqualTo("twelve-chars");
  }

  @Test
  void unsetAdminPasswordIsAccepted() {
    assertThat(withAdminPassword(null).validate().adminPassword()).isNull();
  }

  @Test
  void zeroSessionTimeoutIsRejected() {
    Settings s = valid();
    Settings settings =
        new Settings(s.host(), s.port(), s.dataDir(), s.database(), s.baseUrl(), s.tls(),
            Duration.ZERO, s.maxSessionsPerUser(), s.adminPassword());

    assertThatThrownBy(settings::validate)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("Invalid session timeout 0 minutes: use 1 to 10080.");
  }

  @Test
  void dataDirThatIsFileIsRejected() throws IOException {
    Path file = Files.createFile(dataDir.resolve("not-a-directory"));
    Settings s = valid();
    Settings settings =
        new Settings(s.host(), s.port(), file, s.database(), s.baseUrl(), s.tls(),
            s.sessionTimeout(), s.maxSessionsPerUser(), s.adminPassword());

    assertThatThrownBy(settings::validate)
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("Invalid data directory " + file + ": it exists and is not a directory.");
  }

  @Test
  void describeMasksSecrets() {
    Settings s = valid();
    Settings settings =
        new Settings(s.host(), s.port(), s.dataDir(),
            new DatabaseSettings("jdbc:postgresql://127.0.0.1/vigil?password=dbsecret", "vigil",
                "dbsecret"),
            s.baseUrl(), s.tls(), s.sessionTimeout(), s.maxSessionsPerUser(), s.adminPassword());

    String description = settings.describe();

    assertThat(description).doesNotContain("dbsecret");
    assertThat(description).doesNotContain("admin-password-long-enough");
    assertThat(description).contains("password=****").contains("adminPassword=****");
  }
}
