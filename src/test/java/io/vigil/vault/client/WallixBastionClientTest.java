package io.vigil.vault.client;

import static io.vigil.vault.client.VaultTestSupport.assertNoSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WallixBastionClientTest {
  static final String SECRET = "Xq7-wab-pass";
  static final String TARGET_HOST = "10.50.60.70";
  static final String TARGET = "qualys_scan@local@10.50.60.70";
  static final String CHECKOUT = "/targetpasswords/checkout/";

  final WabStub wab =
      new WabStub()
          .account(TARGET, "scan-auth", "qualys_scan", SECRET)
          .account(
              "qualys_scan@local@10-20-31-112_win81-x86.prod.qualys.com",
              "scan-auth",
              "qualys_scan",
              "win-pass")
          .account("svc scan@local@CentOS6", "scan-auth", "svc scan", "centos-pass");
  final LogCapture logs = new LogCapture();
  final WallixBastionClient client = new WallixBastionClient(VaultTestSupport.fastSettings());
  final WabRequest request = new WabRequest("scan-auth", TARGET);

  @AfterEach
  void stop() {
    wab.close();
    logs.close();
  }

  WabConnection withPassword(String password) {
    return WabConnection.withPassword(apiUrl(), false, WabStub.USER, Secret.of(password));
  }

  URI apiUrl() {
    return wab.url().resolve("/api");
  }

  @Test
  void passwordCheckoutUsesBasicAuth() {
    Credential credential = client.fetch(withPassword(WabStub.PASSWORD), request, TARGET_HOST);

    assertThat(credential.username()).isEqualTo("qualys_scan");
    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
    StubServer.Recorded sent = wab.requests().get(0);
    assertThat(sent.method()).isEqualTo("GET");
    assertThat(sent.rawPath()).isEqualTo("/api/v3.12/targetpasswords/checkout/" + TARGET);
    assertThat(sent.rawQuery()).isEqualTo("authorization=scan-auth");
    assertThat(sent.header("Authorization")).startsWith("Basic ");
    assertThat(sent.header("X-Auth-Key")).isNull();
    assertNoSecrets(logs, SECRET, WabStub.PASSWORD);
  }

  @Test
  void apiKeyCheckoutUsesAuthHeaders() {
    WabConnection connection =
        WabConnection.withApiKey(apiUrl(), false, WabStub.USER, Secret.of(WabStub.API_KEY));

    Credential credential = client.fetch(connection, request, TARGET_HOST);

    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
    StubServer.Recorded sent = wab.requests().get(0);
    assertThat(sent.header("X-Auth-User")).isEqualTo(WabStub.USER);
    assertThat(sent.header("X-Auth-Key")).isEqualTo(WabStub.API_KEY);
    assertThat(sent.header("Authorization")).isNull();
    assertNoSecrets(logs, SECRET, WabStub.API_KEY);
  }

  @Test
  void resolvedTemplateReachesBastion() {
    HostIdentity host =
        HostIdentity.windows("10.20.31.112", "win81-x86.prod.qualys.com", "WIN81-X86");
    WabRequest templated =
        WabRequest.forHost("scan-auth", "qualys_scan@local@${ip_dash}_${dnshost}", host);

    Credential credential = client.fetch(withPassword(WabStub.PASSWORD), templated, "10.20.31.112");

    assertThat(new String(credential.secret().chars())).isEqualTo("win-pass");
  }

  @Test
  void targetIsPercentEncodedButKeepsAt() {
    WabRequest spaced = new WabRequest("scan-auth", "svc scan@local@CentOS6");

    client.fetch(withPassword(WabStub.PASSWORD), spaced, TARGET_HOST);

    assertThat(wab.requests().get(0).rawPath())
        .isEqualTo("/api/v3.12/targetpasswords/checkout/svc%20scan@local@CentOS6");
  }

  @Test
  void urlWithoutPathAndUnversionedApi() {
    WabConnection connection =
        new WabConnection(wab.url(), false, WabStub.USER, Secret.of(WabStub.PASSWORD), null, "");

    client.fetch(connection, request, TARGET_HOST);

    assertThat(wab.requests().get(0).rawPath())
        .isEqualTo("/api/targetpasswords/checkout/" + TARGET);
  }

  @Test
  void wrongPasswordIsAuthenticationFailure() {
    String wrong = "Wrong-Wab-Pass";

    VaultAuthenticationFailedException e =
        catchThrowableOfType(
            VaultAuthenticationFailedException.class,
            () -> client.fetch(withPassword(wrong), request, TARGET_HOST));

    assertThat(e.vaultType()).isEqualTo(VaultType.WALLIX_WAB);
    assertThat(e.operation()).isEqualTo("password checkout");
    assertThat(e).hasMessageContaining("Authentication failure");
    assertThat(wab.requests()).hasSize(1);
    assertNoSecrets(e, logs, wrong);
  }

  @Test
  void wrongApiKeyIsAuthenticationFailure() {
    String wrongKey = "WrongKey0000000000000000000000000000000000";
    WabConnection connection =
        WabConnection.withApiKey(apiUrl(), false, WabStub.USER, Secret.of(wrongKey));

    VaultAuthenticationFailedException e =
        catchThrowableOfType(
            VaultAuthenticationFailedException.class,
            () -> client.fetch(connection, request, TARGET_HOST));

    assertNoSecrets(e, logs, wrongKey);
  }

  @Test
  void unknownTargetIsNotFound() {
    WabRequest unknown = new WabRequest("scan-auth", "qualys_scan@local@10.99.99.99");

    VaultAccountNotFoundException e =
        catchThrowableOfType(
            VaultAccountNotFoundException.class,
            () -> client.fetch(withPassword(WabStub.PASSWORD), unknown, "10.99.99.99"));

    assertThat(e.vendorCode()).isEqualTo("NOT_AUTHORIZED");
    assertThat(e.targetHost()).isEqualTo("10.99.99.99");
    assertThat(e).hasMessageContaining("target qualys_scan@local@10.99.99.99 does not exist");
    assertThat(e).hasMessageContaining("authorization scan-auth");
    assertThat(wab.requests()).hasSize(1);
  }

  @Test
  void malformedTargetFailsBeforeSending() {
    WabRequest malformed = new WabRequest("scan-auth", "CentOS6");

    assertThatThrownBy(() -> client.fetch(withPassword(WabStub.PASSWORD), malformed, TARGET_HOST))
        .isInstanceOf(VaultRequestInvalidException.class)
        .hasMessageContaining("account@domain@device");
    assertThat(wab.requests()).isEmpty();
  }

  @Test
  void wrongApiVersionIsInvalidRequest() {
    WabConnection connection =
        new WabConnection(
            apiUrl(), false, WabStub.USER, Secret.of(WabStub.PASSWORD), null, "latest");

    assertThatThrownBy(() -> client.fetch(connection, request, TARGET_HOST))
        .isInstanceOf(VaultRequestInvalidException.class)
        .hasMessageContaining("API version");
  }

  @Test
  void slowBastionTimesOut() {
    WallixBastionClient impatient =
        new WallixBastionClient(VaultTestSupport.shortTimeoutSettings());
    wab.slowDown(CHECKOUT, Duration.ofSeconds(10));

    assertThatThrownBy(() -> impatient.fetch(withPassword(WabStub.PASSWORD), request, TARGET_HOST))
        .isInstanceOf(VaultTimeoutException.class)
        .hasMessageContaining("no response within 300 ms on any of 2 attempts");
    assertThat(wab.requestsTo(CHECKOUT)).hasSize(2);
  }

  @Test
  void invalidJsonIsInvalidResponse() {
    wab.enqueue(CHECKOUT, 200, "application/json", "{\"login\":\"qualys_scan\",\"password\":");

    assertThatThrownBy(() -> client.fetch(withPassword(WabStub.PASSWORD), request, TARGET_HOST))
        .isInstanceOf(VaultResponseInvalidException.class)
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void responseWithoutLoginIsInvalid() {
    wab.enqueue(CHECKOUT, 200, "application/json", "{\"password\":\"" + SECRET + "\"}");

    VaultResponseInvalidException e =
        catchThrowableOfType(
            VaultResponseInvalidException.class,
            () -> client.fetch(withPassword(WabStub.PASSWORD), request, TARGET_HOST));

    assertThat(e).hasMessageContaining("no login field");
    assertNoSecrets(e, logs, SECRET);
  }

  @Test
  void accountWithoutPasswordIsNotFound() {
    wab.enqueue(
        CHECKOUT,
        200,
        "application/json",
        "{\"login\":\"qualys_scan\",\"password\":\"\",\"ssh_key\":\"-----BEGIN KEY-----\"}");

    assertThatThrownBy(() -> client.fetch(withPassword(WabStub.PASSWORD), request, TARGET_HOST))
        .isInstanceOf(VaultAccountNotFoundException.class)
        .hasMessageContaining("has no password");
  }

  @Test
  void htmlErrorPageIsInvalidResponse() {
    wab.enqueue(CHECKOUT, 502, "text/html", "<html><body>Bad Gateway</body></html>");
    wab.enqueue(CHECKOUT, 502, "text/html", "<html><body>Bad Gateway</body></html>");
    wab.enqueue(CHECKOUT, 200, "text/html", "<html><body>Login</body></html>");

    assertThatThrownBy(() -> client.fetch(withPassword(WabStub.PASSWORD), request, TARGET_HOST))
        .isInstanceOf(VaultResponseInvalidException.class)
        .hasMessageContaining("HTML page");
    assertThat(wab.requestsTo(CHECKOUT)).hasSize(3);
  }

  @Test
  void serviceUnavailableIsRetried() {
    wab.enqueue(
        CHECKOUT,
        503,
        "application/json",
        WabStub.errorBody("Service Unavailable", "Try again later", "UNKNOWN_ERROR"));

    Credential credential = client.fetch(withPassword(WabStub.PASSWORD), request, TARGET_HOST);

    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
    assertThat(logs.lines(Level.WARN))
        .anyMatch(
            line ->
                line.contains("password checkout got HTTP 503")
                    && line.contains("attempts left=2"));
  }

  @Test
  void sslVerifyRejectsSelfSignedCertificate() {
    WabConnection verifying =
        WabConnection.withPassword(apiUrl(), true, WabStub.USER, Secret.of(WabStub.PASSWORD));

    VaultTlsFailedException e =
        catchThrowableOfType(
            VaultTlsFailedException.class, () -> client.fetch(verifying, request, TARGET_HOST));

    assertThat(e).hasMessageContaining("TLS handshake failed");
    assertThat(e).hasMessageContaining("ssl_verify=0");
    assertThat(wab.requests()).isEmpty();
  }

  @Test
  void sslVerifyOffAcceptsSelfSignedAndWarns() {
    client.fetch(withPassword(WabStub.PASSWORD), request, TARGET_HOST);

    assertThat(logs.lines(Level.WARN))
        .anyMatch(
            line ->
                line.contains("Wallix AdminBastion (WAB) vault 127.0.0.1")
                    && line.contains("ssl_verify=0"));
  }

  @Test
  void checkInReleasesCheckout() {
    WabConnection connection = withPassword(WabStub.PASSWORD);
    client.fetch(connection, request, TARGET_HOST);

    client.checkIn(connection, request, TARGET_HOST);

    assertThat(wab.isCheckedOut(TARGET)).isFalse();
    assertThat(wab.requests().get(1).rawPath())
        .isEqualTo("/api/v3.12/targetpasswords/checkin/" + TARGET);
  }

  @Test
  void checkInOfReleasedTargetIsNoError() {
    client.checkIn(withPassword(WabStub.PASSWORD), request, TARGET_HOST);

    assertThat(wab.requests()).hasSize(1);
  }

  @Test
  void vaultClientsDispatchByType() {
    VaultClients clients = new VaultClients(VaultTestSupport.fastSettings());

    Credential credential = clients.fetch(withPassword(WabStub.PASSWORD), request, TARGET_HOST);

    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
    assertThat(clients.clientFor(VaultType.WALLIX_WAB)).isSameAs(clients.wallix());
    assertThatThrownBy(
            () ->
                clients.fetch(
                    withPassword(WabStub.PASSWORD), new AimRequest(null, "x"), TARGET_HOST))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
