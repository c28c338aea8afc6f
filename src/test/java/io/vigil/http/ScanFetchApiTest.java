package io.vigil.http;

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
import java.io.StringReader;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scan results in every fetch format, parsed with Jackson and Commons CSV. */
class ScanFetchApiTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** An SSH banner with a control byte and an escape sequence, which the engine cleans. */
  static final String HOSTILE_BANNER = "SSH-2.0-Evil\u0001\u001b[31m/x";

  static ScanTargetFixture targets;
  static TestServer server;
  static String ref;

  @BeforeAll
  static void start() throws Exception {
    targets = new ScanTargetFixture()
        .ssh("127.0.0.61", HOSTILE_BANNER)
        .http("127.0.0.62", "VigilFixture/1.0");
    FixedAssetScope scope = new FixedAssetScope()
        .scannable("127.0.0.0-127.0.0.255")
        .exclude("127.0.0.63");
    server = TestServer.builder().assetScope(scope).start();
    String profile = Long.toString(targets.createProfile(server, "Fetch", 500, 4));
    ref = launch(server, "scan_title", "Fetch / all formats", "option_id", profile,
        "ip", "127.0.0.61-127.0.0.63, 127.0.1.1");
    awaitState(server, ref, "Finished");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    targets.close();
  }

  @Test
  void jsonBriefHasSixKeysPerRecord() throws Exception {
    JsonNode rows = fetchJson("json", "");

    assertThat(rows.isArray()).isTrue();
    assertThat(fieldNames(rows.get(0)))
        .containsExactly("ip", "dns", "netbios", "qid", "instance", "result");
    assertThat(rows.get(0).get("qid").isNumber()).isTrue();
    assertThat(rows.get(0).get("netbios").isNull()).isTrue();
    JsonNode banner = row(rows, "127.0.0.61", 38050);
    assertThat(banner.get("result").asText()).startsWith("SSH-2.0-Evil");
    assertThat(banner.get("result").asText()).endsWith("[31m/x");
    assertThat(banner.get("result").asText()).doesNotContain("\u0001", "\u001b");
  }

  @Test
  void jsonExtendedModeAddsPortFields() throws Exception {
    JsonNode rows = fetchJson("json", "&mode=extended");
    JsonNode web = row(rows, "127.0.0.62", 86000);

    assertThat(fieldNames(web)).containsExactly("ip", "dns", "netbios", "qid", "instance",
        "result", "protocol", "port", "ssl", "fqdn");
    assertThat(web.get("port").asText()).isEqualTo(Integer.toString(targets.port()));
    assertThat(web.get("protocol").asText()).isEqualTo("tcp");
    assertThat(web.get("ssl").asText()).isEqualTo("no");
    assertThat(web.get("result").asText()).contains("VigilFixture/1.0");
    JsonNode hostLevel = row(rows, "127.0.0.62", 45038);
    assertThat(hostLevel.get("port").asText()).isEmpty();
    assertThat(hostLevel.get("protocol").asText()).isEmpty();
  }

  @Test
  void jsonOutputEscapesSlashesOneObjectPerLine() {
    ApiReply reply = fetch("json_extended", "");

    assertThat(reply.header("Content-Type").orElse("")).startsWith("application/json");
    assertThat(reply.text()).startsWith("[{").endsWith("}]");
    assertThat(reply.text()).contains("\"reference\":\"scan\\/");
    assertThat(reply.text()).doesNotContain("scan/");
    assertThat(reply.text().split("\n")[0]).endsWith("},");
  }

  @Test
  void jsonExtendedHasHeadersRowsAndTrailer() throws Exception {
    JsonNode all = fetchJson("json_extended", "");
    JsonNode account = all.get(0);
    JsonNode header = all.get(1);
    JsonNode trailer = all.get(all.size() - 1);

    assertThat(fieldNames(account)).containsExactly("scan_report_template_title",
        "result_date", "company", "add1", "add2", "city", "state", "country", "zip", "name",
        "username", "role");
    assertThat(account.get("name").asText()).isEqualTo("Vigil Administrator");
    assertThat(account.get("username").asText()).isEqualTo("admin");
    assertThat(account.get("role").asText()).isEqualTo("Manager");
    assertThat(account.get("result_date").asText())
        .matches("[0-9]{2}/[0-9]{2}/[0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2}");
    assertThat(fieldNames(header)).containsExactly("launch_date", "active_hosts",
        "total_hosts", "type", "status", "reference", "scanner_appliance", "duration",
        "scan_title", "asset_groups", "ips", "excluded_ips", "option_profile");
    assertThat(header.get("reference").asText()).isEqualTo(ref);
    assertThat(header.get("status").asText()).isEqualTo("Finished");
    assertThat(header.get("type").asText()).isEqualTo("API");
    assertThat(header.get("active_hosts").asText()).isEqualTo("2");
    assertThat(header.get("total_hosts").asText()).isEqualTo("4");
    assertThat(header.get("scan_title").asText()).isEqualTo("Fetch / all formats");
    assertThat(header.get("asset_groups").isNull()).isTrue();
    assertThat(header.get("ips").asText()).isEqualTo("127.0.0.61-127.0.0.63, 127.0.1.1");
    assertThat(header.get("excluded_ips").asText()).isEqualTo("127.0.0.63");
    assertThat(header.get("option_profile").asText()).isEqualTo("Fetch");
    assertThat(header.get("duration").asText()).matches("[0-9]{2}:[0-9]{2}:[0-9]{2}");
    JsonNode banner = findRow(all, "127.0.0.61", 38050);
    assertThat(fieldNames(banner)).hasSize(29);
    assertThat(banner.get("title").asText()).isEqualTo("SSH Banner");
    assertThat(banner.get("type").asText()).isEqualTo("Ig");
    assertThat(banner.get("severity").asText()).isEqualTo("1");
    assertThat(banner.get("category").asText()).isEqualTo("General remote services");
    assertThat(banner.get("ip_status").asText()).isEqualTo("host scanned, found vuln");
    assertThat(banner.get("pci_vuln").asText()).isEqualTo("no");
    assertThat(banner.get("results").asText()).startsWith("SSH-2.0-Evil");
    assertThat(trailer.get("target_distribution_across_scanner_appliances").asText())
        .endsWith(" : 127.0.0.61-127.0.0.62");
    assertThat(trailer.get("hosts_not_scanned_excluded_host_ip").asText())
        .isEqualTo("127.0.0.63");
    assertThat(trailer.get("hosts_not_scanned_blocked_ip").asText()).isEqualTo("127.0.1.1");
  }

  @Test
  void csvBriefAndExtendedHaveHeaderRows() throws Exception {
    List<CSVRecord> brief = parseCsv(fetch("csv", "").text());
    List<CSVRecord> extended = parseCsv(fetch("csv", "&mode=extended").text());

    assertThat(brief.get(0).toList())
        .containsExactly("IP", "DNS", "NetBIOS", "QID", "Instance", "Result");
    assertThat(extended.get(0).toList()).containsExactly("IP", "DNS", "NetBIOS", "QID",
        "Instance", "Result", "Protocol", "Port", "SSL", "FQDN");
    assertThat(brief).anySatisfy(record -> {
      assertThat(record.get(0)).isEqualTo("127.0.0.61");
      assertThat(record.get(3)).isEqualTo("38050");
      assertThat(record.get(5)).startsWith("SSH-2.0-Evil");
    });
    assertThat(brief.size()).isEqualTo(extended.size());
  }

  @Test
  void csvExtendedHasQualysBlocks() throws Exception {
    ApiReply reply = fetch("csv_extended", "");
    List<CSVRecord> records = parseCsv(reply.text());

    assertThat(reply.header("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(reply.text()).startsWith("\"Scan Results\",\"");
    assertThat(records.get(0).get(0)).isEqualTo("Scan Results");
    assertThat(records.get(1).size()).isEqualTo(7);
    assertThat(records.get(2).toList()).containsExactly("Vigil Administrator", "admin", "Manager");
    assertThat(records.get(3).toList()).containsExactly("Launch Date", "Active Hosts",
        "Total Hosts", "Type", "Status", "Reference", "Scanner Appliance", "Duration",
        "Scan Title", "Asset Groups", "IPs", "Excluded IPs", "Option Profile");
    assertThat(records.get(4).get(5)).isEqualTo(ref);
    assertThat(records.get(5).toList()).containsExactly("");
    assertThat(records.get(6).size()).isEqualTo(29);
    assertThat(records.get(6).get(0)).isEqualTo("IP");
    assertThat(records.get(6).get(28)).isEqualTo("Category");
    assertThat(records).anySatisfy(record -> {
      assertThat(record.get(0)).isEqualTo("Hosts not scanned, excluded host (IP)");
      assertThat(record.get(1)).isEqualTo("127.0.0.63");
    });
  }

  @Test
  void ipsFilterKeepsMatchingHosts() throws Exception {
    JsonNode rows = fetchJson("json", "&ips=127.0.0.62");

    assertThat(rows.size()).isPositive();
    for (JsonNode row : rows) {
      assertThat(row.get("ip").asText()).isEqualTo("127.0.0.62");
    }
  }

  @Test
  void fetchRejectsUnknownOrRunningScans() throws Exception {
    targets.silent("127.0.0.64");
    String profile = Long.toString(targets.createProfile(server, "Slow fetch", 1500, 1));
    String running = launch(server, "scan_title", "busy", "option_id", profile,
        "ip", "127.0.0.64");
    awaitState(server, running, "Running");

    ApiReply busy = server.admin().get(SCAN + "?action=fetch&scan_ref=" + running);
    ApiReply unknown = server.admin().get(SCAN + "?action=fetch&scan_ref=scan/1.00001");
    ApiReply badFormat = fetch("xml", "");
    server.admin().post(SCAN, form("action", "cancel", "scan_ref", running));

    assertThat(busy.code()).isEqualTo("1905");
    assertThat(busy.responseText()).contains("the scan is Running");
    assertThat(unknown.code()).isEqualTo("1905");
    assertThat(badFormat.code()).isEqualTo("1905");
    awaitState(server, running, "Canceled");
    assertThat(server.admin().get(SCAN + "?action=fetch&output_format=json&scan_ref="
        + running).status()).isEqualTo(200);
  }

  static ApiReply fetch(String format, String extra) {
    return server.admin().get(SCAN + "?action=fetch&output_format=" + format + "&scan_ref="
        + URLEncoder.encode(ref, StandardCharsets.UTF_8) + extra);
  }

  static JsonNode fetchJson(String format, String extra) throws Exception {
    ApiReply reply = fetch(format, extra);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return JSON.readTree(reply.body());
  }

  static List<CSVRecord> parseCsv(String text) throws Exception {
    return CSVFormat.RFC4180.parse(new StringReader(text)).getRecords();
  }

  static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    Iterator<String> iterator = node.fieldNames();
    iterator.forEachRemaining(names::add);
    return names;
  }

  static JsonNode row(JsonNode rows, String ip, int qid) {
    return findRow(rows, ip, qid);
  }

  static JsonNode findRow(JsonNode rows, String ip, int qid) {
    for (JsonNode row : rows) {
      if (row.has("qid") && row.get("qid").asInt() == qid && row.get("ip").asText().equals(ip)) {
        return row;
      }
    }
    throw new AssertionError("No row for " + ip + " QID " + qid + " in " + rows);
  }
}
