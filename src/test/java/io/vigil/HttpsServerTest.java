package io.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.Settings;
import io.vigil.testing.TestServer;
import io.vigil.testing.XmlValidator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started with a PKCS#12 keystore: it serves the API over HTTPS only, and marks the
 * session cookie secure.
 */
class HttpsServerTest {
  static final String KEYSTORE_PASSWORD = "keystore-password-for-tests";

  @TempDir static Path keystoreDir;

  static TestServer server;
  static HttpClient https;

  @BeforeAll
  static void start() throws Exception {
    Path keystore = createKeystore(keystoreDir.resolve("server.p12"));
    server =
        TestServer.builder()
            .tls(new Settings.TlsSettings(keystore, KEYSTORE_PASSWORD))
            .start();
    https =
        HttpClient.newBuilder()
            .sslContext(trusting(keystore))
            .version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  /**
   * Creates a keystore with a self-signed EC certificate for 127.0.0.1, with the keytool of the
   * JDK that runs the tests.
   */
  static Path createKeystore(Path keystore) throws IOException, InterruptedException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-noprompt",
                "-alias", "vigil",
                "-keyalg", "EC",
                "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1",
                "-ext", "SAN=ip:127.0.0.1",
                "-validity", "2",
                "-storetype", "PKCS12",
                "-keystore", keystore.toString(),
                "-storepass", KEYSTORE_PASSWORD,
                "-keypass", KEYSTORE_PASSWORD)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new AssertionError("keytool failed:\n" + output);
    }
    return keystore;
  }

  /** Returns an SSL context that trusts only the certificate in the keystore. */
  static SSLContext trusting(Path keystore) throws IOException, GeneralSecurityException {
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, KEYSTORE_PASSWORD.toCharArray());
    }
    Certificate certificate = keys.getCertificate("vigil");
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("vigil", certificate);
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  static HttpResponse<String> login() throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(server.uri().resolve("/api/2.0/fo/session/"))
            .header("X-Requested-With", "vigil-tests")
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "action=login&username=admin&password=" + TestServer.ADMIN_PASSWORD))
            .build();
    return https.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void uriUsesHttpsScheme() {
    assertThat(server.uri().getScheme()).isEqualTo("https");
    assertThat(server.uri().getPort()).isPositive();
  }

  @Test
  void loginSetsSecureSessionCookie() throws Exception {
    HttpResponse<String> response = login();

    assertThat(response.statusCode()).isEqualTo(200);
    List<String> cookies = response.headers().allValues("Set-Cookie");
    assertThat(cookies).hasSize(1);
    assertThat(cookies.get(0)).matches("QualysSession=[0-9a-f]{32}; path=/api; secure(; .*)?");
    XmlValidator.validate(response.body().getBytes(StandardCharsets.UTF_8), TestServer.BASE_URL);
  }

  @Test
  void sessionCookieWorksOverHttps() throws Exception {
    String cookie = login().headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];

    HttpResponse<String> about =
        https.send(
            HttpRequest.newBuilder(server.uri().resolve("/api/2.0/fo/vault/?action=list"))
                .header("X-Requested-With", "vigil-tests")
                .header("Cookie", cookie)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(about.statusCode()).isEqualTo(200);
    assertThat(about.body()).contains("<AUTH_VAULT_LIST_OUTPUT>");
  }

  @Test
  void healthAnswersOverHttps() throws Exception {
    HttpResponse<String> health =
        https.send(
            HttpRequest.newBuilder(server.uri().resolve("/health")).GET().build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"");
  }

  @Test
  void plainHttpOnTlsPortFails() throws Exception {
    URI plain = URI.create("http://127.0.0.1:" + server.server().port() + "/health");
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    String outcome;
    try {
      int status =
          client
              .send(
                  HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(30)).GET().build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode();
      outcome = "HTTP status " + status;
    } catch (IOException e) {
      // Jetty may close the connection instead of sending a response. Either way, no page is
      // served over plain HTTP.
      outcome = "connection failed: " + e;
    }

    assertThat(outcome).doesNotStartWith("HTTP status 2");
  }
}
