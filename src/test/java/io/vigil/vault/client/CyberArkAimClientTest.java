package io.vigil.vault.client;

import static io.vigil.vault.client.VaultTestSupport.assertNoSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CyberArkAimClientTest {
  static final String SECRET = "Xq7-demo-pass";
  static final String TARGET = "10.50.60.70";

  final CcpStub ccp =
      new CcpStub(false).account("Linux-Scan", null, "svc-scan-db01", "svc-scan", SECRET);
  final LogCapture logs = new LogCapture();
  final CyberArkAimClient client = new CyberArkAimClient(VaultTestSupport.fastSettings());

  @AfterEach
  void stop() {
    ccp.close();
    logs.close();
  }

  AimConnection connection(URI url) {
    return new AimConnection(url, CcpStub.APP_ID, "Linux-Scan", null, false);
  }

  @Test
  void fetchReturnsPasswordAndUserName() {
    Credential credential =
        client.fetch(connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET);

    assertThat(credential.username()).isEqualTo("svc-scan");
    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
    assertThat(credential.toString()).doesNotContain(SECRET);
    assertNoSecrets(logs, SECRET);
  }

  @Test
  void fetchSendsDocumentedQuery() {
    ccp.account("Linux-Scan", "abc\\folder", "vault file", "scan", SECRET);

    client.fetch(connection(ccp.url()), new AimRequest("abc\\folder", "vault file"), TARGET);

    StubServer.Recorded request = ccp.requests().get(0);
    assertThat(request.method()).isEqualTo("GET");
    assertThat(request.path()).isEqualTo("/AIMWebService/api/Accounts");
    assertThat(request.rawQuery())
        .isEqualTo(
            "AppID=Vigil&Safe=Linux-Scan&Folder=abc%5Cfolder&Object=vault%20file"
                + "&Reason=Vigil%20scan%20of%2010.50.60.70");
    assertThat(request.header("Accept")).isEqualTo("application/json");
  }

  @Test
  void fetchOmitsFolderWhenNotSet() {
    client.fetch(connection(ccp.url()), new AimRequest(" ", "svc-scan-db01"), TARGET);

    assertThat(ccp.requests().get(0).params()).doesNotContainKey("folder");
  }

  @Test
  void soapUrlMapsToRestApplication() {
    URI soapUrl = ccp.url().resolve("/AIMWebService/v1.1/AIM.asmx");

    Credential credential =
        client.fetch(connection(soapUrl), new AimRequest(null, "svc-scan-db01"), TARGET);

    assertThat(credential.username()).isEqualTo("svc-scan");
    assertThat(ccp.requests().get(0).path()).isEqualTo("/AIMWebService/api/Accounts");
  }

  @Test
  void applicationPathVariants() {
    assertThat(CyberArkAimClient.applicationPath(URI.create("https://ccp")))
        .isEqualTo("/AIMWebService");
    assertThat(CyberArkAimClient.applicationPath(URI.create("https://ccp/")))
        .isEqualTo("/AIMWebService");
    assertThat(CyberArkAimClient.applicationPath(URI.create("https://ccp/Custom/v1.1/AIM.asmx")))
        .isEqualTo("/Custom");
    assertThat(CyberArkAimClient.applicationPath(URI.create("https://ccp/WindowsAuthentication")))
        .isEqualTo("/WindowsAuthentication");
    URI restUrl = URI.create("https://ccp/AIMWebService/api/Accounts");
    assertThat(CyberArkAimClient.applicationPath(restUrl)).isEqualTo("/AIMWebService");
  }

  @Test
  void unknownObjectIsNotFound() {
    VaultAccountNotFoundException e =
        catchThrowableOfType(
            VaultAccountNotFoundException.class,
            () -> client.fetch(connection(ccp.url()), new AimRequest(null, "missing"), TARGET));

    assertThat(e.vendorCode()).isEqualTo("APPAP004E");
    assertThat(e.vaultType()).isEqualTo(VaultType.CYBERARK_AIM);
    assertThat(e.vaultHost()).isEqualTo("127.0.0.1:" + ccp.url().getPort());
    assertThat(e.targetHost()).isEqualTo(TARGET);
    assertThat(e.operation()).isEqualTo("password retrieval");
    assertThat(e).hasMessageContaining("Object=missing");
    assertThat(ccp.requests()).hasSize(1);
  }

  @Test
  void unknownAppIdIsAuthenticationFailure() {
    AimConnection wrongApp = new AimConnection(ccp.url(), "Other", "Linux-Scan", null, false);

    assertThatThrownBy(() -> client.fetch(wrongApp, new AimRequest(null, "svc-scan-db01"), TARGET))
        .isInstanceOf(VaultAuthenticationFailedException.class)
        .hasMessageContaining("APPAP008E")
        .hasMessageContaining("application Other");
    assertThat(ccp.requests()).hasSize(1);
  }

  @Test
  void applicationCheckFailureIsAuthenticationFailure() {
    ccp.enqueue(
        "/api/Accounts",
        403,
        "application/json",
        CcpStub.errorBody("APPAP306E", "Failed to authenticate the application."));

    assertThatThrownBy(
            () ->
                client.fetch(connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET))
        .isInstanceOf(VaultAuthenticationFailedException.class)
        .hasMessageContaining("APPAP306E");
  }

  @Test
  void severalMatchesIsAmbiguous() {
    ccp.enqueue(
        "/api/Accounts",
        400,
        "application/json",
        CcpStub.errorBody("APPAP227E", "Too many password objects matching query."));

    assertThatThrownBy(
            () ->
                client.fetch(connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET))
        .isInstanceOf(VaultAccountAmbiguousException.class);
  }

  @Test
  void forbiddenCharacterFailsBeforeSending() {
    assertThatThrownBy(
            () -> client.fetch(connection(ccp.url()), new AimRequest(null, "a&b"), TARGET))
        .isInstanceOf(VaultRequestInvalidException.class)
        .hasMessageContaining("Object value a&b contains '&'");
    assertThat(ccp.requests()).isEmpty();
  }

  @Test
  void slowProviderTimesOut() {
    CyberArkAimClient impatient = new CyberArkAimClient(VaultTestSupport.shortTimeoutSettings());
    ccp.slowDown("/api/Accounts", Duration.ofSeconds(10));

    VaultTimeoutException e =
        catchThrowableOfType(
            VaultTimeoutException.class,
            () ->
                impatient.fetch(
                    connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET));

    assertThat(e).hasMessageContaining("no response within 300 ms on any of 2 attempts");
    assertThat(logs.lines(Level.WARN)).anyMatch(line -> line.contains("attempts left=1"));
  }

  @Test
  void invalidJsonIsInvalidResponse() {
    ccp.enqueue("/api/Accounts", 200, "application/json", "{\"Content\":\"" + SECRET + "\",");

    VaultResponseInvalidException e =
        catchThrowableOfType(
            VaultResponseInvalidException.class,
            () ->
                client.fetch(connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET));

    assertThat(e).hasMessageContaining("not valid JSON");
    assertNoSecrets(e, logs, SECRET);
  }

  @Test
  void unquotedSecretInBrokenJsonStaysHidden() {
    ccp.enqueue("/api/Accounts", 200, "application/json", "{\"Content\":" + SECRET + "}");

    VaultResponseInvalidException e =
        catchThrowableOfType(
            VaultResponseInvalidException.class,
            () ->
                client.fetch(connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET));

    assertNoSecrets(e, logs, SECRET);
  }

  @Test
  void htmlErrorPageIsInvalidResponse() {
    ccp.enqueue(
        "/api/Accounts",
        200,
        "text/html",
        "<html><head><title>Service Unavailable</title></head></html>");

    assertThatThrownBy(
            () ->
                client.fetch(connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET))
        .isInstanceOf(VaultResponseInvalidException.class)
        .hasMessageContaining("HTML page");
  }

  @Test
  void missingContentIsInvalidResponse() {
    ccp.enqueue("/api/Accounts", 200, "application/json", "{\"UserName\":\"svc-scan\"}");

    assertThatThrownBy(
            () ->
                client.fetch(connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET))
        .isInstanceOf(VaultResponseInvalidException.class)
        .hasMessageContaining("no Content field");
  }

  @Test
  void serverErrorIsRetried() {
    ccp.enqueue("/api/Accounts", 500, "text/html", "<html>Internal Server Error</html>");

    Credential credential =
        client.fetch(connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET);

    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
    assertThat(ccp.requests()).hasSize(2);
    List<String> retries =
        logs.lines(Level.WARN).stream().filter(line -> line.contains("retrying")).toList();
    assertThat(retries).hasSize(1);
    assertThat(retries.get(0))
        .contains("CyberArk AIM vault 127.0.0.1")
        .contains("target " + TARGET)
        .contains("HTTP 500")
        .contains("attempts left=2");
  }

  @Test
  void persistentServerErrorIsUnavailable() {
    for (int i = 0; i < 3; i++) {
      ccp.enqueue(
          "/api/Accounts",
          500,
          "application/json",
          CcpStub.errorBody("APPAP282E", "Password is being changed."));
    }

    VaultUnavailableException e =
        catchThrowableOfType(
            VaultUnavailableException.class,
            () ->
                client.fetch(connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET));

    assertThat(e.vendorCode()).isEqualTo("APPAP282E");
    assertThat(e).hasMessageContaining("being changed");
    assertThat(ccp.requests()).hasSize(3);
  }

  @Test
  void vaultUnreachableFromProviderIsUnavailable() {
    ccp.enqueue(
        "/api/Accounts",
        400,
        "application/json",
        CcpStub.errorBody("APPAP007E", "Connection to the Vault has failed."));

    assertThatThrownBy(
            () ->
                client.fetch(connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET))
        .isInstanceOf(VaultUnavailableException.class)
        .hasMessageContaining("cannot reach the Vault");
    assertThat(ccp.requests()).hasSize(1);
  }

  @Test
  void closedPortIsUnavailable() {
    URI closed = ccp.url();
    ccp.close();

    assertThatThrownBy(
            () -> client.fetch(connection(closed), new AimRequest(null, "svc-scan-db01"), TARGET))
        .isInstanceOf(VaultUnavailableException.class)
        .isNotInstanceOf(VaultTimeoutException.class)
        .hasMessageContaining("connection failed on all 3 attempts");
  }

  @Test
  void interruptedFetchKeepsInterruptFlag() {
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(
              () ->
                  client.fetch(
                      connection(ccp.url()), new AimRequest(null, "svc-scan-db01"), TARGET))
          .isInstanceOf(VaultUnavailableException.class)
          .hasMessageContaining("interrupted");
      assertThat(Thread.currentThread().isInterrupted()).isTrue();
    } finally {
      Thread.interrupted();
    }
  }

  @Test
  void requestOfOtherVaultTypeIsRejected() {
    assertThatThrownBy(
            () ->
                client.fetch(
                    connection(ccp.url()),
                    WabRequest.forHost("a", "u@d", HostIdentity.unix("1.2.3.4", null)),
                    TARGET))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
