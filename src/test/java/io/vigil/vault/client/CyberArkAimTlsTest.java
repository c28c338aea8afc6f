package io.vigil.vault.client;

import static io.vigil.vault.client.VaultTestSupport.assertNoSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CyberArkAimTlsTest {
  static final String SECRET = "Xq7-demo-pass";
  static final String TARGET = "10.50.60.88";

  final TestCertificates certificates = TestCertificates.get();
  final LogCapture logs = new LogCapture();
  final CyberArkAimClient client = new CyberArkAimClient(VaultTestSupport.fastSettings());
  final AimRequest request = new AimRequest(null, "svc-scan-db01");
  CcpStub ccp;

  @AfterEach
  void stop() {
    ccp.close();
    logs.close();
  }

  CcpStub start(boolean needClientAuth) {
    ccp =
        new CcpStub(needClientAuth)
            .account("Linux-Scan", null, "svc-scan-db01", "svc-scan", SECRET);
    return ccp;
  }

  AimConnection connection(ClientCertificate certificate, boolean sslVerify) {
    return new AimConnection(ccp.url(), CcpStub.APP_ID, "Linux-Scan", certificate, sslVerify);
  }

  ClientCertificate certificate(Path keystore, String password) {
    return new ClientCertificate(keystore, Secret.of(password));
  }

  @Test
  void sslVerifyRejectsSelfSignedCertificate() {
    start(false);

    VaultTlsFailedException e =
        catchThrowableOfType(
            VaultTlsFailedException.class,
            () -> client.fetch(connection(null, true), request, TARGET));

    assertThat(e).hasMessageContaining("TLS handshake failed");
    assertThat(e).hasMessageContaining("set ssl_verify=0");
    assertThat(ccp.requests()).isEmpty();
    assertThat(logs.lines(Level.WARN)).noneMatch(line -> line.contains("retrying"));
  }

  @Test
  void sslVerifyOffWarnsOncePerVault() {
    start(false);

    client.fetch(connection(null, false), request, TARGET);
    Credential credential = client.fetch(connection(null, false), request, TARGET);

    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
    assertThat(logs.lines(Level.WARN)).filteredOn(line -> line.contains("ssl_verify=0")).hasSize(1);
  }

  @Test
  void clientCertificateIsPresented() {
    start(true);
    ClientCertificate certificate =
        certificate(certificates.clientKeystore, TestCertificates.PASSWORD);

    Credential credential = client.fetch(connection(certificate, false), request, TARGET);

    assertThat(credential.username()).isEqualTo("svc-scan");
    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
  }

  @Test
  void missingClientCertificateFails() {
    start(true);

    VaultException e =
        catchThrowableOfType(
            VaultException.class, () -> client.fetch(connection(null, false), request, TARGET));

    assertThat(e).isInstanceOf(VaultTlsFailedException.class);
    // JDK 17 reports the server's rejection as a reset after the handshake ("the vault likely
    // requires a client certificate"); JDK 25 gets TLS 1.3's certificate_required alert during
    // the handshake ("the vault asked for a client certificate"). Both name the fix.
    assertThat(e).hasMessageContaining("client certificate, configure one");
    assertThat(ccp.requests()).isEmpty();
  }

  @Test
  void untrustedClientCertificateFails() {
    start(true);
    ClientCertificate certificate =
        certificate(certificates.untrustedClientKeystore, TestCertificates.PASSWORD);

    VaultException e =
        catchThrowableOfType(
            VaultException.class,
            () -> client.fetch(connection(certificate, false), request, TARGET));

    assertThat(e).isInstanceOf(VaultTlsFailedException.class);
    assertThat(e).hasMessageContaining("accepts the configured client certificate");
    assertThat(ccp.requests()).isEmpty();
  }

  @Test
  void wrongKeystorePasswordFailsWithoutShowingIt() {
    start(true);
    String wrongPassword = "not-the-keystore-pass";
    ClientCertificate certificate = certificate(certificates.clientKeystore, wrongPassword);

    VaultTlsFailedException e =
        catchThrowableOfType(
            VaultTlsFailedException.class,
            () -> client.fetch(connection(certificate, false), request, TARGET));

    assertThat(e).hasMessageContaining("cannot be read as PKCS#12");
    assertThat(e).hasMessageContaining(certificates.clientKeystore.toString());
    assertNoSecrets(e, logs, wrongPassword, TestCertificates.PASSWORD);
  }

  @Test
  void missingKeystoreFileFails() {
    start(true);
    Path missing = certificates.directory.resolve("missing.p12");

    VaultTlsFailedException e =
        catchThrowableOfType(
            VaultTlsFailedException.class,
            () -> client.fetch(connection(certificate(missing, "x"), false), request, TARGET));

    assertThat(e).hasMessageContaining("missing.p12");
    assertThat(ccp.requests()).isEmpty();
  }
}
