package io.vigil.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.vigil.scan.Finding;
import io.vigil.scan.HostScanResult;
import io.vigil.scan.OpenService;
import io.vigil.scan.ScanQid;
import io.vigil.testing.MutableClock;
import io.vigil.wire.XmlOutput;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Scans real listeners on 127.0.0.1 once, then checks each service and finding. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScanEngineTest {
  static final String SSH_BANNER = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3";
  static final String SMTP_GREETING = "220 mail.vigil.test ESMTP Postfix (Debian/GNU)";
  static final String TITLE = "Vigil test page";

  final InetAddress loopback = InetAddress.getLoopbackAddress();
  final List<AutoCloseable> servers = new ArrayList<>();
  final List<String> events = Collections.synchronizedList(new ArrayList<>());
  SSLContext tlsContext;
  int ssh, smtp, hostile, mysql, http, https, silent, postgres, redis, closed;
  HostScanResult result;

  @BeforeAll
  void scanLoopbackServices(@TempDir Path tempDir) throws Exception {
    ssh = keep(LoopbackService.greeting(SSH_BANNER + "\r\n"));
    smtp = keep(LoopbackService.greeting(SMTP_GREETING + "\r\n"));
    hostile = keep(LoopbackService.greeting(LoopbackService.hostileGreeting()));
    mysql = keep(LoopbackService.greeting(LoopbackService.mysqlHandshake("8.0.36-vigil")));
    silent = keep(LoopbackService.silent());
    postgres = keep(LoopbackService.start(LoopbackService::answerSslRequest));
    redis = keep(LoopbackService.lineReply("PING", "+PONG\r\n"));
    http = startHttp();
    tlsContext = TestCertificates.selfSignedServerContext(tempDir);
    https = startHttps(tlsContext);
    closed = LoopbackService.closedPort();

    ScanEngine engine = new ScanEngine(options(ssh, smtp, hostile, mysql, http, https, silent,
        postgres, redis, closed), MutableClock.at(Instant.now().toString()));
    result = engine.scanHost(loopback, new RecordingListener(events));
  }

  @AfterAll
  void stopServers() throws Exception {
    for (AutoCloseable server : servers) {
      server.close();
    }
  }

  static ScanOptions options(int... ports) {
    return ScanOptions.builder()
        .tcpPorts(PortList.of(ports))
        .discoveryPorts(PortList.of(ports[0]))
        .icmpEcho(false)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofMillis(1500))
        .build();
  }

  @Test
  void hostIsAliveByTheDiscoveryPort() {
    assertThat(result.scanned()).isTrue();
    assertThat(result.discovery().alive()).isTrue();
    assertThat(result.discovery().evidence())
        .isEqualTo("TCP port " + ssh + " accepted a connection");
  }

  @Test
  void openPortsExcludeTheClosedPort() {
    int[] open = {ssh, smtp, hostile, mysql, http, https, silent, postgres, redis};
    Arrays.sort(open);

    Integer[] expected = Arrays.stream(open).boxed().toArray(Integer[]::new);
    assertThat(result.openPorts()).containsExactly(expected);
    assertThat(result.portsScanned()).isEqualTo(10);
  }

  @Test
  void sshBannerIsReported() {
    assertThat(service(ssh).service()).isEqualTo("ssh");
    assertThat(service(ssh).banner()).isEqualTo(SSH_BANNER);
    assertThat(finding(ScanQid.SSH_BANNER, ssh).results()).isEqualTo(SSH_BANNER);
    assertThat(hostFinding(ScanQid.REMOTE_ACCESS_SERVICE).results())
        .isEqualTo("Service name: SSH on TCP port " + ssh + ".");
  }

  @Test
  void smtpGreetingIsReported() {
    assertThat(service(smtp).service()).isEqualTo("smtp");
    assertThat(finding(ScanQid.SMTP_BANNER, smtp).results()).isEqualTo(SMTP_GREETING);
  }

  @Test
  void hostileBannerIsSafeForXml() throws Exception {
    String banner = service(hostile).banner();

    assertThat(service(hostile).service()).isEqualTo("pop3");
    assertThat(banner).startsWith("+OK hostile");
    assertThat(banner).contains("]]>");
    assertThat(banner).contains("\uFFFD");
    assertThat(banner.chars().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r'))
        .isEmpty();
    assertThat(finding(ScanQid.POP3_BANNER, hostile).results()).isEqualTo(banner);

    ByteArrayOutputStream xml = new ByteArrayOutputStream();
    try (XmlOutput out = XmlOutput.begin(xml, "RESULTS", "https://vigil.test/results.dtd")) {
      out.cdataElement("BANNER", banner);
      out.finish();
    }
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    String parsed = factory.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.toByteArray()))
        .getDocumentElement().getTextContent().strip();
    assertThat(parsed).isEqualTo(banner);
  }

  @Test
  void mysqlVersionIsReadFromTheHandshake() {
    assertThat(service(mysql).service()).isEqualTo("mysql");
    assertThat(service(mysql).banner()).isEqualTo("8.0.36-vigil");
  }

  @Test
  void httpServerHeaderAndTitleAreParsed() {
    OpenService web = service(http);

    assertThat(web.service()).isEqualTo("http");
    assertThat(web.tls()).isNull();
    assertThat(web.http().statusCode()).isEqualTo(200);
    assertThat(web.http().server()).isEqualTo("VigilTest/1.0");
    assertThat(web.http().title()).isEqualTo(TITLE);
    assertThat(finding(ScanQid.WEB_SERVER_VERSION, http).results())
        .isEqualTo("Server Version\tServer Banner\nVigilTest/1.0\tVigilTest/1.0");
    assertThat(finding(ScanQid.DEFAULT_WEB_PAGE, http).results()).startsWith("HTTP/1.1 200 OK\n");
  }

  @Test
  void httpsCertificateIsObserved() {
    OpenService web = service(https);

    assertThat(web.displayName()).isEqualTo("http over ssl");
    assertThat(web.http().title()).isEqualTo(TITLE);
    assertThat(web.tls().protocol()).startsWith("TLSv1.");
    assertThat(web.tls().cipherSuite()).startsWith("TLS_");
    assertThat(web.tls().subject()).isEqualTo("CN=vigil test,O=Vigil");
    assertThat(web.tls().issuer()).isEqualTo("CN=vigil test,O=Vigil");
    assertThat(web.tls().subjectAltNames()).containsExactly("DNS:localhost", "IP:127.0.0.1");
    assertThat(web.tls().notAfter()).isAfter(web.tls().notBefore());
    assertThat(web.tls().selfSigned()).isTrue();
  }

  @Test
  void httpsCertificateFindingsAreReported() {
    Finding information = finding(ScanQid.SSL_CERTIFICATE_INFORMATION, https);

    assertThat(information.ssl()).isTrue();
    assertThat(information.results()).startsWith("NAME\tVALUE\n(0)CERTIFICATE 0\t \n");
    assertThat(information.results()).contains("(0)SUBJECT NAME\t \norganizationName\tVigil\n"
        + " commonName\tvigil test\n");
    assertThat(information.results()).contains("(0)RSA Public Key\t(2048 bit)");
    assertThat(finding(ScanQid.SSL_CERTIFICATE_SELF_SIGNED, https).results())
        .isEqualTo("Certificate #0 CN=vigil_test,O=Vigil is a self signed certificate.");
    assertThat(findFinding(ScanQid.SSL_CERTIFICATE_EXPIRED, https)).isEmpty();
    assertThat(finding(ScanQid.WEB_SERVER_VERSION, https).ssl()).isTrue();
  }

  @Test
  void silentPortIsUnknown() {
    assertThat(service(silent).service()).isEqualTo(OpenService.UNKNOWN);
    assertThat(service(silent).banner()).isEmpty();
    assertThat(service(silent).tls()).isNull();
  }

  @Test
  void postgresAndRedisAnswerTheirProbes() {
    assertThat(service(postgres).service()).isEqualTo("postgresql");
    assertThat(service(redis).service()).isEqualTo("redis");
    assertThat(service(redis).banner()).isEqualTo("+PONG");
  }

  @Test
  void openServicesTableListsEveryPort() {
    String table = hostFinding(ScanQid.OPEN_TCP_SERVICES).results();
    WellKnownPorts.PortService usual = WellKnownPorts.serviceOf(https);

    assertThat(table).startsWith("Port\tIANA Assigned Ports/Services\tDescription\t"
        + "Service Detected\tOS On Redirected Port\n");
    assertThat(table.split("\n")).hasSize(10);
    assertThat(table).contains("\n" + https + "\t" + usual.name() + "\t" + usual.description()
        + "\thttp over ssl\t");
    assertThat(table).doesNotContain("\n" + closed + "\t");
  }

  @Test
  void hostScanTimeIsReported() {
    assertThat(hostFinding(ScanQid.HOST_SCAN_TIME).results())
        .startsWith("Scan duration: 0 seconds");
    assertThat(result.findings().get(result.findings().size() - 1).qid())
        .isEqualTo(ScanQid.HOST_SCAN_TIME);
  }

  @Test
  void listenerSeesEveryStep() {
    assertThat(events).startsWith("hostStarted", "hostDiscovered alive=true", "portsScanned 9");
    assertThat(events.stream().filter(event -> event.startsWith("serviceDetected"))).hasSize(9);
    assertThat(events).endsWith("hostFinished scanned=true");
  }

  @Test
  void expiredCertificateIsReportedByTheClock() {
    MutableClock future = MutableClock.at("2100-01-01T00:00:00Z");
    ScanEngine engine = new ScanEngine(options(https), future);

    HostScanResult later = engine.scanHost(loopback, ScanListener.NONE);

    Finding expired = later.findings().stream()
        .filter(finding -> finding.qid() == ScanQid.SSL_CERTIFICATE_EXPIRED)
        .findFirst().orElseThrow();
    assertThat(expired.port()).isEqualTo(https);
    assertThat(expired.results())
        .startsWith("Certificate #0 CN=vigil_test,O=Vigil is not valid after ");
    assertThat(expired.results()).endsWith(" GMT.");
  }

  private int keep(LoopbackService service) {
    servers.add(service);
    return service.port();
  }

  private OpenService service(int port) {
    return result.services().stream().filter(s -> s.port() == port).findFirst().orElseThrow();
  }

  private Optional<Finding> findFinding(ScanQid qid, int port) {
    return result.findings().stream()
        .filter(finding -> finding.qid() == qid && Integer.valueOf(port).equals(finding.port()))
        .findFirst();
  }

  private Finding finding(ScanQid qid, int port) {
    return findFinding(qid, port).orElseThrow(
        () -> new AssertionError("no QID " + qid.qid() + " on port " + port + " in " + result));
  }

  private Finding hostFinding(ScanQid qid) {
    return result.findings().stream()
        .filter(finding -> finding.qid() == qid && finding.port() == null)
        .findFirst().orElseThrow();
  }

  private int startHttp() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress(loopback, 0), 10);
    serveTestPage(server);
    servers.add(() -> server.stop(0));
    return server.getAddress().getPort();
  }

  private int startHttps(SSLContext context) throws Exception {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(loopback, 0), 10);
    server.setHttpsConfigurator(new HttpsConfigurator(context));
    serveTestPage(server);
    servers.add(() -> server.stop(0));
    return server.getAddress().getPort();
  }

  private static void serveTestPage(HttpServer server) {
    byte[] page = ("<html><head><title>" + TITLE + "</title></head><body>ok</body></html>")
        .getBytes(StandardCharsets.UTF_8);
    server.createContext("/", exchange -> {
      exchange.getResponseHeaders().set("Server", "VigilTest/1.0");
      exchange.getResponseHeaders().set("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, page.length);
      try (OutputStream body = exchange.getResponseBody()) {
        body.write(page);
      }
    });
    server.start();
  }
}
