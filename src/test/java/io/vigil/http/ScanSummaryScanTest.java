package io.vigil.http;

import static io.vigil.http.ScanSummaryData.SUMMARY;
import static io.vigil.http.ScanTargetFixture.SCAN;
import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.form;
import static io.vigil.http.ScanTargetFixture.launch;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.testing.ApiReply;
import io.vigil.testing.FixedAssetScope;
import io.vigil.testing.TestServer;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scan summary of scans that Vigil ran against loopback listeners: the hosts each scan
 * skipped appear with the reason the scan recorded.
 */
class ScanSummaryScanTest {
  static ScanTargetFixture targets;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    targets = new ScanTargetFixture().ssh("127.0.0.61", "SSH-2.0-OpenSSH_9.2p1");
    // 127.0.0.64 listens so that it is scanned, and then unresolved because it has no name.
    targets.silent("127.0.0.64");
    for (int host = 71; host <= 74; host++) {
      targets.silent("127.0.0." + host);
    }
    FixedAssetScope scope = new FixedAssetScope()
        .scannable("127.0.0.0-127.0.0.255")
        .exclude("127.0.0.63")
        .trackByDns("127.0.0.64")
        .trackByDns("127.0.0.83");
    server = TestServer.builder()
        .assetScope(scope)
        .hostNames("127.0.0.61 web61.vigil.test alias61.vigil.test\n"
            + "127.0.0.83 quiet83.vigil.test\n")
        .start();
    targets.createProfile(server, "Fast", 500, 4);
    targets.createProfile(server, "Slow", 1500, 1);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    targets.close();
  }

  @Test
  void skippedHostsOfRealScanAreListed() throws Exception {
    String ref = launch(server, "scan_title", "skips", "option_title", "Fast",
        "ip", "127.0.0.61-127.0.0.64, 127.0.1.7", "exclude_ip_per_scan", "127.0.0.62",
        "fqdn", "alias61.vigil.test,nowhere.vigil.test");
    awaitState(server, ref, "Finished");

    ApiReply reply = server.admin().get(SUMMARY + "?action=list&scan_date_since=" + today()
        + "&include_excluded=1&include_unresolved=1&include_blocked=1&include_duplicate=1");

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(hostSummaries(reply, ref)).containsExactly(
        List.of("excluded", "IP", "127.0.0.62-127.0.0.63"),
        List.of("unresolved", "DNS", "nowhere.vigil.test 127.0.0.64"),
        List.of("duplicate", "IP", "127.0.0.61"),
        List.of("blocked", "IP", "127.0.1.7"));
    assertThat(targets.connections("127.0.0.63")).isZero();
    assertThat(trailer(ref).path("hosts_not_scanned_duplicate_host_name").asText())
        .isEqualTo("alias61.vigil.test");
  }

  @Test
  void hostsOfCancelledScanAreListed() throws Exception {
    String ref = launch(server, "scan_title", "cancel", "option_title", "Slow",
        "ip", "127.0.0.71-127.0.0.74");
    awaitState(server, ref, "Running");
    ApiReply cancel = server.admin().post(SCAN, form("action", "cancel", "scan_ref", ref));
    awaitState(server, ref, "Canceled");

    ApiReply reply = server.admin().get(SUMMARY + "?action=list&include_dead=0"
        + "&include_cancelled=1&output_format=csv&scan_date_since=" + today());
    ApiReply explained = server.admin().get(SUMMARY + "?action=list&include_dead=0"
        + "&include_cancelled=1&output_format=csv&show_evidence=1&scan_date_since=" + today());

    assertThat(cancel.responseText()).isEqualTo("Cancelling scan");
    String row = reply.text().lines().filter(line -> line.startsWith("\"" + ref + "\""))
        .findFirst().orElseThrow(() -> new AssertionError(reply.text()));
    assertThat(row).matches("\"" + ref + "\",\"[0-9T:Z-]{20}\",\"cancelled\",\"IP\","
        + "\"127\\.0\\.0\\.7[0-9](-127\\.0\\.0\\.74)?\"");
    assertThat(explained.text().lines().findFirst().orElseThrow()).isEqualTo(
        "\"SCAN_REF\",\"SCAN_DATE\",\"CATEGORY\",\"TRACKING\",\"HOSTS\",\"EVIDENCE\"");
    List<String> hostRows = explained.text().lines()
        .filter(line -> line.startsWith("\"" + ref + "\"")).toList();
    assertThat(hostRows).isNotEmpty();
    assertThat(hostRows.get(hostRows.size() - 1)).matches("\"" + ref + "\",\"[0-9T:Z-]{20}\","
        + "\"cancelled\",\"IP\",\"127\\.0\\.0\\.74\",\"the scan was cancelled by "
        + "admin at [0-9T:Z-]{20}, before this host was done\"");
  }

  @Test
  void hostsWithoutOpenPortAreNotVulnerable() throws Exception {
    // Nothing listens on these addresses, so each refuses the profile's one port: alive, and
    // with no open port there is nothing to check.
    String ref = launch(server, "scan_title", "closed", "option_title", "Fast",
        "ip", "127.0.0.80-127.0.0.84, 127.0.0.86");
    awaitState(server, ref, "Finished");

    ApiReply reply = server.admin().get(SUMMARY + "?action=list&include_dead=0"
        + "&include_notvuln=1&scan_date_since=" + today());
    ApiReply explained = server.admin().get(SUMMARY + "?action=list&include_dead=0"
        + "&include_notvuln=1&show_evidence=1&scan_date_since=" + today());

    assertThat(hostSummaries(reply, ref)).containsExactly(
        List.of("notvuln", "IP", "127.0.0.80-127.0.0.82, 127.0.0.84, 127.0.0.86"),
        List.of("notvuln", "DNS", "quiet83.vigil.test"));
    String evidence = "//SCAN_SUMMARY[SCAN_REF='" + ref + "']/HOST_EVIDENCE";
    assertThat(explained.count(evidence)).isEqualTo(6);
    assertThat(explained.xpath(evidence + "[@host='quiet83.vigil.test']"))
        .isEqualTo("alive (TCP port " + targets.port() + " refused the connection), but the"
            + " option profile's one TCP port is not open: it refused the connection");
    assertThat(reply.count("//HOST_EVIDENCE")).isZero();
    JsonNode trailer = trailer(ref);
    assertThat(trailer.path("no_vulnerabilities_match_your_filters_for_these_hosts").asText())
        .isEqualTo("127.0.0.80, 127.0.0.81, 127.0.0.82, 127.0.0.83, 127.0.0.84, 127.0.0.86");
  }

  @Test
  void evidenceNamesWhatSkippedEachHost() throws Exception {
    String ref = launch(server, "scan_title", "explained", "option_title", "Fast",
        "ip", "127.0.0.61, 127.0.0.63, 127.0.1.9", "exclude_ip_per_scan", "127.0.0.62",
        "fqdn", "alias61.vigil.test,missing.vigil.test");
    awaitState(server, ref, "Finished");

    ApiReply reply = server.admin().get(SUMMARY + "?action=list&include_dead=0"
        + "&include_excluded=1&include_unresolved=1&include_blocked=1&include_duplicate=1"
        + "&show_evidence=1&output_format=json&scan_date_since=" + today());

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    String json = reply.text();
    assertThat(json).contains("{\"host\":\"127.0.0.63\",\"evidence\":\"on the subscription's"
        + " excluded IP list, entry 127.0.0.63\"}");
    assertThat(json).contains("{\"host\":\"missing.vigil.test\",\"evidence\":\"the hosts file"
        + " has no address for missing.vigil.test, and Vigil sends no DNS query\"}");
    assertThat(json).contains("{\"host\":\"127.0.0.61\",\"evidence\":\"alias61.vigil.test"
        + " resolves to 127.0.0.61, which the scan already targets through the ip parameter or"
        + " an asset group\"}");
    assertThat(json).contains("{\"host\":\"127.0.1.9\",\"evidence\":\"not among the"
        + " subscription's IPs\"}");
  }

  /** Returns the trailer of the scan's json_extended results, the last element. */
  private static JsonNode trailer(String ref) throws Exception {
    ApiReply fetched = server.admin().get(SCAN + "?action=fetch&output_format=json_extended"
        + "&scan_ref=" + ref);
    assertThat(fetched.status()).as(fetched.text()).isEqualTo(200);
    JsonNode rows = new ObjectMapper().readTree(fetched.text());
    return rows.get(rows.size() - 1);
  }

  private static String today() {
    return LocalDate.now(ZoneOffset.UTC).toString();
  }

  /** Returns category, tracking and hosts of each HOST_SUMMARY of one scan. */
  private static List<List<String>> hostSummaries(ApiReply reply, String ref) {
    String scan = "//SCAN_SUMMARY[SCAN_REF='" + ref + "']";
    List<List<String>> rows = new java.util.ArrayList<>();
    for (int i = 1; i <= reply.count(scan + "/HOST_SUMMARY"); i++) {
      String element = "(" + scan + "/HOST_SUMMARY)[" + i + "]";
      rows.add(List.of(reply.xpath(element + "/@category"), reply.xpath(element + "/@tracking"),
          reply.xpath(element)));
    }
    return rows;
  }
}
