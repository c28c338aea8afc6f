package io.vigil.vault.client;

import static io.vigil.vault.client.VaultTestSupport.assertNoSecrets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CyberArkPvwaClientTest {
  static final String SECRET = "p@ss\"word-27";
  static final String TARGET = "10.30.10.12";
  static final String RETRIEVE = "/Password/Retrieve";

  final PvwaStub pvwa =
      new PvwaStub()
          .account(
              "27_4", "Operating System-UnixSSH-db01-svc-scan", "svc-scan", "Linux-Scan", SECRET)
          .account(
              "27_5", "Operating System-UnixSSH-db02-svc-scan", "svc-scan", "Linux-Scan", "other")
          .account("31_1", "Operating System-UnixSSH-db01-svc-scan", "svc-scan", "Other-Safe", "x");
  final LogCapture logs = new LogCapture();
  final CyberArkPvwaClient client = new CyberArkPvwaClient(VaultTestSupport.fastSettings());
  final PimRequest byName =
      PimRequest.byName("Linux-Scan", "Operating System-UnixSSH-db01-svc-scan");

  @AfterEach
  void stop() {
    pvwa.close();
    logs.close();
  }

  PimConnection connection(String password) {
    return new PimConnection(pvwa.url(), PvwaStub.USER, Secret.of(password), null, false);
  }

  @Test
  void fetchLogsOnSearchesRetrievesAndLogsOff() throws Exception {
    Credential credential = client.fetch(connection(PvwaStub.PASSWORD), byName, TARGET);

    assertThat(credential.username()).isEqualTo("svc-scan");
    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
    assertThat(pvwa.logons()).isEqualTo(1);
    assertThat(pvwa.logoffs()).isEqualTo(1);
    assertThat(pvwa.openSessions()).isZero();
    assertNoSecrets(logs, SECRET, PvwaStub.PASSWORD);

    StubServer.Recorded logon = pvwa.requests().get(0);
    assertThat(logon.path()).isEqualTo("/PasswordVault/API/auth/CyberArk/Logon");
    JsonNode logonBody = JsonBodies.MAPPER.readTree(logon.body());
    assertThat(logonBody.path("username").asText()).isEqualTo(PvwaStub.USER);
    assertThat(logonBody.path("concurrentSession").asBoolean()).isTrue();

    StubServer.Recorded search = pvwa.requests().get(1);
    assertThat(search.path()).isEqualTo("/PasswordVault/API/Accounts");
    assertThat(search.params().get("search")).isEqualTo("Operating System-UnixSSH-db01-svc-scan");
    assertThat(search.params().get("filter")).isEqualTo("safeName eq Linux-Scan");
    assertThat(search.rawQuery()).doesNotContain("+");

    StubServer.Recorded retrieve = pvwa.requests().get(2);
    assertThat(retrieve.method()).isEqualTo("POST");
    assertThat(retrieve.path()).isEqualTo("/PasswordVault/API/Accounts/27_4/Password/Retrieve");
    assertThat(JsonBodies.MAPPER.readTree(retrieve.body()).path("reason").asText())
        .isEqualTo("Vigil scan of " + TARGET);
    assertThat(retrieve.header("Authorization")).isEqualTo(search.header("Authorization"));

    StubServer.Recorded logoff = pvwa.requests().get(3);
    assertThat(logoff.path()).isEqualTo("/PasswordVault/API/Auth/Logoff");
  }

  @Test
  void keywordsMatchingOneAccount() {
    Credential credential =
        client.fetch(
            connection(PvwaStub.PASSWORD), PimRequest.byKeywords("Linux-Scan", "db02"), TARGET);

    assertThat(new String(credential.secret().chars())).isEqualTo("other");
  }

  @Test
  void keywordsMatchingSeveralAccountsAreAmbiguous() {
    assertThatThrownBy(
            () ->
                client.fetch(
                    connection(PvwaStub.PASSWORD),
                    PimRequest.byKeywords("Linux-Scan", "svc-scan"),
                    TARGET))
        .isInstanceOf(VaultAccountAmbiguousException.class)
        .hasMessageContaining("2 accounts match");
    assertThat(pvwa.logoffs()).isEqualTo(1);
  }

  @Test
  void ldapMethodUsesItsLogonPath() {
    pvwa.authMethod("LDAP");
    PimConnection ldap =
        new PimConnection(
            pvwa.url(), PvwaStub.USER, Secret.of(PvwaStub.PASSWORD), PvwaAuthMethod.LDAP, false);

    client.fetch(ldap, byName, TARGET);

    assertThat(pvwa.requests().get(0).path()).isEqualTo("/PasswordVault/API/auth/LDAP/Logon");
  }

  @Test
  void wrongPasswordIsAuthenticationFailure() {
    String wrong = "Wrong-Pass-9";

    VaultAuthenticationFailedException e =
        catchThrowableOfType(
            VaultAuthenticationFailedException.class,
            () -> client.fetch(connection(wrong), byName, TARGET));

    assertThat(e.vendorCode()).isEqualTo("PASWS013E");
    assertThat(e.operation()).isEqualTo("logon");
    assertThat(e).hasMessageContaining("logon of user vigil-api with method CyberArk");
    assertThat(pvwa.requests()).hasSize(1);
    assertThat(pvwa.logoffs()).isZero();
    assertNoSecrets(e, logs, wrong);
  }

  @Test
  void unknownAccountIsNotFoundAndLogsOff() {
    VaultAccountNotFoundException e =
        catchThrowableOfType(
            VaultAccountNotFoundException.class,
            () ->
                client.fetch(
                    connection(PvwaStub.PASSWORD),
                    PimRequest.byName("Linux-Scan", "missing-account"),
                    TARGET));

    assertThat(e.operation()).isEqualTo("account search");
    assertThat(e).hasMessageContaining("no account named missing-account in safe Linux-Scan");
    assertThat(pvwa.logoffs()).isEqualTo(1);
    assertThat(pvwa.openSessions()).isZero();
  }

  @Test
  void failedRetrieveStillLogsOff() {
    pvwa.enqueue(
        RETRIEVE,
        403,
        "application/json",
        PvwaStub.errorBody("PASWS041E", "You are not authorized to perform this action."));

    VaultAccessDeniedException e =
        catchThrowableOfType(
            VaultAccessDeniedException.class,
            () -> client.fetch(connection(PvwaStub.PASSWORD), byName, TARGET));

    assertThat(e.operation()).isEqualTo("password retrieval");
    assertThat(e).hasMessageContaining("may not retrieve the password of account id=27_4");
    assertThat(pvwa.logoffs()).isEqualTo(1);
    assertThat(pvwa.openSessions()).isZero();
  }

  @Test
  void retrieveServerErrorsStillLogOff() {
    for (int i = 0; i < 3; i++) {
      pvwa.enqueue(RETRIEVE, 500, "text/html", "<html>Server Error</html>");
    }

    assertThatThrownBy(() -> client.fetch(connection(PvwaStub.PASSWORD), byName, TARGET))
        .isInstanceOf(VaultUnavailableException.class);
    assertThat(pvwa.requestsTo(RETRIEVE)).hasSize(3);
    assertThat(pvwa.logoffs()).isEqualTo(1);
  }

  @Test
  void failedLogoffDoesNotHideCredential() {
    pvwa.enqueue("/Auth/Logoff", 500, "text/html", "<html>Server Error</html>");

    Credential credential = client.fetch(connection(PvwaStub.PASSWORD), byName, TARGET);

    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
    assertThat(pvwa.requestsTo("/Auth/Logoff")).hasSize(1);
    assertThat(logs.lines(Level.WARN)).anyMatch(line -> line.contains("logoff failed"));
  }

  @Test
  void slowLogonTimesOut() {
    CyberArkPvwaClient impatient = new CyberArkPvwaClient(VaultTestSupport.shortTimeoutSettings());
    pvwa.slowDown("/Logon", Duration.ofSeconds(10));

    VaultTimeoutException e =
        catchThrowableOfType(
            VaultTimeoutException.class,
            () -> impatient.fetch(connection(PvwaStub.PASSWORD), byName, TARGET));

    assertThat(e.operation()).isEqualTo("logon");
    assertThat(e).hasMessageContaining("no response within 300 ms");
  }

  @Test
  void htmlLogonResponseIsInvalid() {
    pvwa.enqueue("/Logon", 200, "text/html", "<html><body>Sign in</body></html>");

    assertThatThrownBy(() -> client.fetch(connection(PvwaStub.PASSWORD), byName, TARGET))
        .isInstanceOf(VaultResponseInvalidException.class)
        .hasMessageContaining("HTML page");
  }

  @Test
  void invalidSearchJsonIsInvalidAndLogsOff() {
    pvwa.enqueue("/API/Accounts", 200, "application/json", "{\"value\":[{\"id\":");

    assertThatThrownBy(() -> client.fetch(connection(PvwaStub.PASSWORD), byName, TARGET))
        .isInstanceOf(VaultResponseInvalidException.class)
        .hasMessageContaining("not valid JSON");
    assertThat(pvwa.logoffs()).isEqualTo(1);
  }

  @Test
  void unquotedPasswordIsInvalidAndHidden() {
    pvwa.enqueue(RETRIEVE, 200, "text/html", "Xq7-unquoted-pass");

    VaultResponseInvalidException e =
        catchThrowableOfType(
            VaultResponseInvalidException.class,
            () -> client.fetch(connection(PvwaStub.PASSWORD), byName, TARGET));

    assertNoSecrets(e, logs, "Xq7-unquoted-pass", PvwaStub.PASSWORD);
  }

  @Test
  void searchServerErrorIsRetried() {
    pvwa.enqueue("/API/Accounts", 503, "text/html", "<html>Service Unavailable</html>");

    Credential credential = client.fetch(connection(PvwaStub.PASSWORD), byName, TARGET);

    assertThat(new String(credential.secret().chars())).isEqualTo(SECRET);
    assertThat(pvwa.requestsTo("/API/Accounts")).hasSize(3); // two searches, one retrieve
    assertThat(logs.lines(Level.WARN))
        .anyMatch(line -> line.contains("account search got HTTP 503"));
  }

  @Test
  void expiredSessionTokenIsAuthenticationFailure() {
    pvwa.enqueue(
        "/API/Accounts",
        401,
        "application/json",
        PvwaStub.errorBody("PASWS006E", "The session token is missing, invalid or expired."));

    assertThatThrownBy(() -> client.fetch(connection(PvwaStub.PASSWORD), byName, TARGET))
        .isInstanceOf(VaultAuthenticationFailedException.class)
        .hasMessageContaining("PASWS006E")
        .hasMessageContaining("session affinity");
    assertThat(pvwa.requestsTo("/API/Accounts")).hasSize(1);
  }

  @Test
  void sslVerifyRejectsSelfSignedCertificate() {
    PimConnection verifying =
        new PimConnection(pvwa.url(), PvwaStub.USER, Secret.of(PvwaStub.PASSWORD), null, true);

    assertThatThrownBy(() -> client.fetch(verifying, byName, TARGET))
        .isInstanceOf(VaultTlsFailedException.class)
        .hasMessageContaining("ssl_verify=0");
    assertThat(pvwa.requests()).isEmpty();
  }

  @Test
  void applicationPathDefaultsToPasswordVault() {
    PimConnection withPath =
        new PimConnection(
            pvwa.url().resolve("/PasswordVault/"),
            PvwaStub.USER,
            Secret.of(PvwaStub.PASSWORD),
            null,
            false);

    client.fetch(withPath, byName, TARGET);

    assertThat(pvwa.requests().get(0).path()).isEqualTo("/PasswordVault/API/auth/CyberArk/Logon");
  }
}
