package io.vigil.http;

import static io.vigil.http.ScanTargetFixture.PROFILES;
import static io.vigil.http.ScanTargetFixture.SCAN;
import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.form;
import static io.vigil.http.ScanTargetFixture.launch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.testing.ApiReply;
import io.vigil.testing.RealDaemon;
import io.vigil.testing.RealDaemons;
import io.vigil.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * One scan of 127.0.0.1 through the API against real sshd, nginx (HTTP and TLS), Postfix and
 * Redis instances that the test starts. The target comes from the subscription's stored assets,
 * added through the asset API. A test whose server program is not installed is skipped.
 */
@Tag("real-network")
class RealServerScanTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TARGET = "127.0.0.1";

  @TempDir
  static Path dir;

  static final Map<String, RealDaemon> daemons = new LinkedHashMap<>();
  static final Map<String, String> skipped = new LinkedHashMap<>();
  static TestServer server;
  static String ref;
  static JsonNode results;

  @BeforeAll
  static void scanRealServers() throws Exception {
    // The Postfix daemons run as the postfix user and must reach their directories.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    start("sshd", () -> RealDaemons.sshd(Files.createDirectory(dir.resolve("sshd"))));
    start("nginx", () -> RealDaemons.nginx(Files.createDirectory(dir.resolve("nginx"))));
    start("postfix", () -> RealDaemons.postfix(Files.createDirectory(dir.resolve("postfix"))));
    start("redis", () -> RealDaemons.redis(Files.createDirectory(dir.resolve("redis"))));
    assumeTrue(!daemons.isEmpty(), "no real server could start: " + skipped);

    server = TestServer.start();
    ApiReply added = server.admin().post("/api/2.0/fo/asset/ip/",
        form("action", "add", "ips", TARGET, "enable_vm", "1"));
    assertThat(added.status()).as(added.text()).isEqualTo(200);
    String ports = daemons.values().stream()
        .flatMap(daemon -> daemon.ports().stream())
        .map(String::valueOf)
        .collect(Collectors.joining(","));
    ApiReply profile = server.admin().post(PROFILES, form("action", "create",
        "title", "Real servers", "tcp_ports_type", "custom", "tcp_ports", ports,
        "discovery_tcp_ports", ports, "discovery_icmp", "0", "connect_timeout_ms", "1000",
        "read_timeout_ms", "1500", "hosts_in_parallel", "1", "probes_in_parallel", "8"));
    assertThat(profile.status()).as(profile.text()).isEqualTo(200);

    ref = launch(server, "scan_title", "Real servers", "option_title", "Real servers",
        "ip", TARGET);
    awaitState(server, ref, "Finished");
    ApiReply fetched = server.admin().get(SCAN + "?action=fetch&output_format=json_extended"
        + "&scan_ref=" + ref);
    assertThat(fetched.status()).as(fetched.text()).isEqualTo(200);
    results = JSON.readTree(fetched.body());
  }

  @AfterAll
  static void stop() {
    try {
      if (server != null) {
        server.close();
      }
    } finally {
      daemons.values().forEach(RealDaemon::close);
    }
  }

  /** A daemon start that may skip itself with an assumption. */
  interface DaemonStart {
    RealDaemon start() throws Exception;
  }

  private static void start(String name, DaemonStart start) throws Exception {
    try {
      daemons.put(name, start.start());
    } catch (TestAbortedException e) {
      skipped.put(name, e.getMessage());
    }
  }

  private static RealDaemon daemon(String name) {
    assumeTrue(daemons.containsKey(name), () -> name + " did not start: " + skipped.get(name));
    return daemons.get(name);
  }

  @Test
  void sshBannerIsRealOpenSsh() {
    RealDaemon sshd = daemon("sshd");
    String identification = RealDaemons.readSshIdentification(sshd.port());

    JsonNode banner = portRow(38050, sshd.port());

    assertThat(identification).matches("SSH-2\\.0-OpenSSH_[0-9]+\\.[0-9]+p[0-9]+ Debian-.+");
    assertThat(banner.get("results").asText()).isEqualTo(identification);
    assertThat(banner.get("title").asText()).isEqualTo("SSH Banner");
    assertThat(banner.get("ssl").asText()).isEqualTo("no");
    assertThat(hostRow(42017).get("results").asText())
        .isEqualTo("Service name: SSH on TCP port " + sshd.port() + ".");
  }

  @Test
  void webServerVersionIsNginx() {
    RealDaemon nginx = daemon("nginx");
    String version = RealDaemon.run(List.of(RealDaemons.NGINX.toString(), "-v"),
        Duration.ofSeconds(10)).strip().replace("nginx version: ", "");

    JsonNode server = portRow(86000, nginx.port());
    JsonNode page = portRow(12230, nginx.port());

    assertThat(version).matches("nginx/[0-9.]+");
    assertThat(server.get("results").asText())
        .isEqualTo("Server Version\tServer Banner\n" + version + "\t" + version);
    assertThat(server.get("ssl").asText()).isEqualTo("no");
    assertThat(page.get("results").asText()).startsWith("HTTP/1.1 200 OK");
    assertThat(page.get("results").asText()).contains("Server: " + version);
  }

  @Test
  void tlsCertificateShowsTestSubject() throws Exception {
    RealDaemon nginx = daemon("nginx");
    int tlsPort = nginx.ports().get(1);
    X509Certificate certificate = RealDaemons.nginxCertificate(dir.resolve("nginx"));
    String serial = certificate.getSerialNumber().toString(16);

    String info = portRow(86002, tlsPort).get("results").asText();
    JsonNode selfSigned = portRow(38169, tlsPort);

    assertThat(info).contains("(0)SUBJECT NAME\t \norganizationName\tVigil Tests\n"
        + " commonName\treal-target.vigil.test\n");
    assertThat(info).contains("(0)ISSUER NAME\t \norganizationName\tVigil Tests\n");
    assertThat(info).contains("(0)Public Key Algorithm\tid-ecPublicKey\n"
        + "(0)EC Public Key\t(256 bit)");
    assertThat(info.replace(":", "")).contains(serial.length() % 2 == 0 ? serial : "0" + serial);
    assertThat(portRow(86002, tlsPort).get("ssl").asText()).isEqualTo("yes");
    assertThat(selfSigned.get("results").asText()).isEqualTo(
        "Certificate #0 CN=real-target.vigil.test,O=Vigil_Tests is a self signed certificate.");
    assertThat(portRow(86000, tlsPort).get("ssl").asText()).isEqualTo("yes");
    assertThat(rows(38167)).as("the certificate is valid for 2 days").isEmpty();
  }

  @Test
  void smtpBannerIsPostfixGreeting() {
    RealDaemon postfix = daemon("postfix");

    JsonNode banner = portRow(74042, postfix.port());

    assertThat(banner.get("results").asText())
        .isEqualTo("220 " + RealDaemons.MAIL_HOST_NAME + " ESMTP Postfix");
    assertThat(banner.get("title").asText()).isEqualTo("SMTP Banner");
  }

  @Test
  void openServicesListNamesEachServer() {
    String table = hostRow(82023).get("results").asText();
    List<String> expected = new ArrayList<>();
    if (daemons.containsKey("sshd")) {
      expected.add(daemons.get("sshd").port() + "\tssh");
    }
    if (daemons.containsKey("nginx")) {
      expected.add(daemons.get("nginx").ports().get(0) + "\thttp");
      expected.add(daemons.get("nginx").ports().get(1) + "\thttp over ssl");
    }
    if (daemons.containsKey("postfix")) {
      expected.add(daemons.get("postfix").port() + "\tsmtp");
    }
    if (daemons.containsKey("redis")) {
      expected.add(daemons.get("redis").port() + "\tredis");
    }

    List<String> lines = table.lines().toList();
    List<String> detected = lines.stream().skip(1)
        .map(line -> line.split("\t", -1))
        .map(cells -> cells[0] + "\t" + cells[3])
        .toList();

    assertThat(lines.get(0)).isEqualTo("Port\tIANA Assigned Ports/Services\tDescription\t"
        + "Service Detected\tOS On Redirected Port");
    assertThat(detected).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void scanHeaderCountsOneActiveHost() {
    JsonNode header = results.get(1);

    assertThat(header.get("status").asText()).isEqualTo("Finished");
    assertThat(header.get("active_hosts").asText()).isEqualTo("1");
    assertThat(header.get("total_hosts").asText()).isEqualTo("1");
    assertThat(header.get("ips").asText()).isEqualTo(TARGET);
  }

  private static List<JsonNode> rows(int qid) {
    List<JsonNode> found = new ArrayList<>();
    for (JsonNode row : results) {
      if (row.has("qid") && row.get("qid").asInt() == qid
          && row.get("ip").asText().equals(TARGET)) {
        found.add(row);
      }
    }
    return found;
  }

  private static JsonNode portRow(int qid, int port) {
    return rows(qid).stream()
        .filter(row -> row.get("port").asText().equals(Integer.toString(port)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(
            "No QID " + qid + " on port " + port + " in " + results));
  }

  private static JsonNode hostRow(int qid) {
    List<JsonNode> found = rows(qid);
    assertThat(found).as("QID " + qid + " rows in " + results).hasSize(1);
    return found.get(0);
  }
}
