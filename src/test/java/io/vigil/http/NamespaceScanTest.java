package io.vigil.http;

import static io.vigil.http.ScanTargetFixture.PROFILES;
import static io.vigil.http.ScanTargetFixture.SCAN;
import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.form;
import static io.vigil.http.ScanTargetFixture.launch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.net.IpRange;
import io.vigil.scan.NotScannedReason;
import io.vigil.testing.ApiReply;
import io.vigil.testing.NamespaceListener;
import io.vigil.testing.NetworkNamespace;
import io.vigil.testing.TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scans of hosts in a network namespace, for what loopback cannot show: every 127.x address
 * refuses connections, so there a host is never dead. The namespace host runs
 * {@link NamespaceListener}: port 2222 sends an SSH banner, and port 2223 has a full accept
 * queue, so discovery on 2223 gets no reply, as behind a firewall. 198.18.N.3 is on the veth
 * link with no host behind it.
 */
@Tag("real-network")
class NamespaceScanTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final int OPEN_PORT = 2222;
  static final int SILENT_PORT = 2223;

  @TempDir
  static Path dir;

  static NetworkNamespace namespace;
  static final List<Socket> queueFillers = new ArrayList<>();
  static TestServer server;
  static String liveAndEmpty;
  static String deadHostsOn;
  static String deadHostsOff;

  @BeforeAll
  static void scanNamespace() throws Exception {
    namespace = NetworkNamespace.create();
    namespace.startListener(OPEN_PORT, SILENT_PORT, dir.resolve("listener.log"));
    fillAcceptQueue();

    server = TestServer.builder().scanAllow(List.of(NetworkNamespace.NETWORK)).start();
    String targets = namespace.namespaceAddress() + "," + namespace.unusedAddress();
    ApiReply added = server.admin().post("/api/2.0/fo/asset/ip/",
        form("action", "add", "ips", targets, "enable_vm", "1"));
    assertThat(added.status()).as(added.text()).isEqualTo(200);
    String openOnly = Integer.toString(OPEN_PORT);
    String both = SILENT_PORT + "," + OPEN_PORT;
    String silent = Integer.toString(SILENT_PORT);
    createProfile("Live port discovery", openOnly, openOnly, "0");
    createProfile("Silent discovery, dead hosts on", both, silent, "1");
    createProfile("Silent discovery, dead hosts off", both, silent, "0");

    liveAndEmpty = launch(server, "scan_title", "live and empty", "option_title",
        "Live port discovery", "ip", targets);
    deadHostsOn = launch(server, "scan_title", "dead hosts on", "option_title",
        "Silent discovery, dead hosts on", "ip", targets);
    deadHostsOff = launch(server, "scan_title", "dead hosts off", "option_title",
        "Silent discovery, dead hosts off", "ip", namespace.namespaceAddress());
    for (String ref : List.of(liveAndEmpty, deadHostsOn, deadHostsOff)) {
      awaitState(server, ref, "Finished");
    }
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (server != null) {
        server.close();
      }
      for (Socket socket : queueFillers) {
        socket.close();
      }
    } finally {
      if (namespace != null) {
        namespace.close();
      }
    }
  }

  /**
   * Connects to the silent port until a connect times out. The listener never accepts, so the
   * established connections stay in its accept queue, and once the queue is full Linux drops
   * further SYNs without a reply.
   */
  private static void fillAcceptQueue() throws IOException {
    InetAddress address = InetAddress.getByName(namespace.namespaceAddress());
    for (int attempt = 0; attempt < 8; attempt++) {
      Socket socket = new Socket();
      try {
        socket.connect(new InetSocketAddress(address, SILENT_PORT), 500);
        queueFillers.add(socket);
      } catch (SocketTimeoutException e) {
        socket.close();
        assertThat(queueFillers).as("connections queued before the timeout").isNotEmpty();
        return;
      }
    }
    throw new AssertionError("Port " + SILENT_PORT + " still accepted connections after "
        + queueFillers.size() + " queued ones; its accept queue never filled");
  }

  private static void createProfile(String title, String ports, String discovery,
      String scanDeadHosts) {
    ApiReply reply = server.admin().post(PROFILES, form("action", "create", "title", title,
        "tcp_ports_type", "custom", "tcp_ports", ports, "discovery_tcp_ports", discovery,
        "discovery_icmp", "0", "scan_dead_hosts", scanDeadHosts, "connect_timeout_ms", "1000",
        "read_timeout_ms", "1000", "hosts_in_parallel", "2", "probes_in_parallel", "4"));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
  }

  @Test
  void liveHostShowsOpenPortAndBanner() throws Exception {
    JsonNode results = fetch(liveAndEmpty);
    String ip = namespace.namespaceAddress();

    JsonNode banner = row(results, ip, 38050);
    String services = row(results, ip, 82023).get("results").asText();

    assertThat(banner.get("port").asText()).isEqualTo(Integer.toString(OPEN_PORT));
    assertThat(banner.get("results").asText()).isEqualTo(NamespaceListener.BANNER);
    assertThat(services.lines().skip(1).toList())
        .containsExactly(OPEN_PORT + "\tssh-alt\tSSH, alternate port\tssh\t");
    assertThat(results.get(1).get("active_hosts").asText()).isEqualTo("1");
  }

  @Test
  void emptyAddressIsDeadWithDeadHostsOff() throws Exception {
    JsonNode results = fetch(liveAndEmpty);

    assertThat(trailer(results).get("hosts_not_scanned_host_not_alive_ip").asText())
        .isEqualTo(namespace.unusedAddress());
    assertThat(rowsOf(results, namespace.unusedAddress())).isEmpty();
    assertThat(notScannedReason(liveAndEmpty, namespace.unusedAddress()))
        .isEqualTo(NotScannedReason.DEAD.category());
  }

  @Test
  void scanSummaryListsDeadHost() {
    String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

    ApiReply summary = server.admin().get("/api/2.0/fo/scan/summary/?action=list"
        + "&scan_date_since=" + today);

    String dead = "//SCAN_SUMMARY[SCAN_REF='" + liveAndEmpty + "']/HOST_SUMMARY[@category='dead']";
    assertThat(summary.xpath(dead)).isEqualTo(namespace.unusedAddress());
    assertThat(summary.xpath(dead + "/@tracking")).isEqualTo("IP");
  }

  @Test
  void silentHostIsDeadWithDeadHostsOff() throws Exception {
    JsonNode results = fetch(deadHostsOff);

    assertThat(trailer(results).get("hosts_not_scanned_host_not_alive_ip").asText())
        .isEqualTo(namespace.namespaceAddress());
    assertThat(rowsOf(results, namespace.namespaceAddress())).isEmpty();
    assertThat(notScannedReason(deadHostsOff, namespace.namespaceAddress()))
        .isEqualTo(NotScannedReason.DEAD.category());
  }

  @Test
  void deadHostsOnScansSilentDiscoveryHost() throws Exception {
    JsonNode results = fetch(deadHostsOn);
    String ip = namespace.namespaceAddress();

    JsonNode banner = row(results, ip, 38050);
    String services = row(results, ip, 82023).get("results").asText();

    assertThat(banner.get("results").asText()).isEqualTo(NamespaceListener.BANNER);
    assertThat(services.lines().skip(1).map(line -> line.split("\t")[0]).toList())
        .containsExactly(Integer.toString(OPEN_PORT));
    assertThat(notScannedReason(deadHostsOn, ip)).isNull();
  }

  @Test
  void deadHostsOnKeepsEmptyAddressDead() throws Exception {
    // The port scan runs for 198.18.N.3 too, but no port accepts or refuses, so nothing
    // shows the host alive and the engine records it as dead.
    JsonNode results = fetch(deadHostsOn);

    assertThat(trailer(results).get("hosts_not_scanned_host_not_alive_ip").asText())
        .isEqualTo(namespace.unusedAddress());
    assertThat(rowsOf(results, namespace.unusedAddress())).isEmpty();
  }

  private static JsonNode fetch(String ref) throws IOException {
    ApiReply reply = server.admin().get(SCAN + "?action=fetch&output_format=json_extended"
        + "&scan_ref=" + ref);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return JSON.readTree(reply.body());
  }

  private static JsonNode trailer(JsonNode results) {
    return results.get(results.size() - 1);
  }

  private static List<JsonNode> rowsOf(JsonNode results, String ip) {
    List<JsonNode> rows = new ArrayList<>();
    for (JsonNode row : results) {
      if (row.has("qid") && row.get("ip").asText().equals(ip)) {
        rows.add(row);
      }
    }
    return rows;
  }

  private static JsonNode row(JsonNode results, String ip, int qid) {
    return rowsOf(results, ip).stream()
        .filter(row -> row.get("qid").asInt() == qid)
        .findFirst()
        .orElseThrow(() -> new AssertionError("No QID " + qid + " for " + ip + " in "
            + results));
  }

  /** Returns the stored reason why the scan did not scan {@code ip}, or null. */
  private static String notScannedReason(String ref, String ip) {
    return server.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT n.reason FROM scan_host_not_scanned n JOIN scan s"
            + " ON s.id = n.scan_id WHERE s.ref = :ref AND n.ip = :ip")
        .bind("ref", ref)
        .bind("ip", IpRange.toNumber(ip))
        .mapTo(String.class)
        .findOne()
        .orElse(null));
  }
}
