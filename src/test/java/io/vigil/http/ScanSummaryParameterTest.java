package io.vigil.http;

import static io.vigil.http.ScanSummaryData.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.Role;
import io.vigil.testing.ApiReply;
import io.vigil.testing.FixedAssetScope;
import io.vigil.testing.MutableClock;
import io.vigil.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Parameters, filters and roles of /api/2.0/fo/scan/summary/. */
class ScanSummaryParameterTest {
  static final String LIST = SUMMARY + "?action=list&scan_date_since=";

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.builder()
        .clock(MutableClock.at("2018-05-02T10:45:40Z"))
        .assetScope(FixedAssetScope.loopback())
        .start();
    ScanSummaryData data = new ScanSummaryData(server);
    long april = data.scan("scan/1524787200.00001", "2018-04-27T00:00:00Z");
    data.host(april, "10.0.0.1", null, "dead", "IP")
        .host(april, "10.0.0.2", null, "blocked", "IP")
        .host(april, "10.0.0.3", null, "aborted", "IP")
        .host(april, "10.0.0.4", "host4.example.test", "dead", "DNS")
        .host(april, "10.0.0.5", "HOST5", "dead", "NETBIOS");
    long may = data.scan("scan/1525219200.00002", "2018-05-02T00:00:00Z");
    data.host(may, "10.0.1.1", null, "dead", "IP")
        .host(may, "10.0.1.3", null, "dead", "IP")
        .host(may, "10.0.1.2", null, "dead", "IP")
        .host(may, "10.0.1.9", null, "excluded", "IP");
    long before = data.scan("scan/1524700799.00003", "2018-04-25T23:59:59Z");
    data.host(before, "10.0.2.1", null, "dead", "IP");
    server.addUser("unitmanager1", Role.UNIT_MANAGER);
    server.addUser("scanner1", Role.SCANNER);
    server.addUser("reader1", Role.READER);
    server.addUser("auditor1", Role.AUDITOR);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void missingDateSinceIsCode1903() {
    ApiReply reply = server.admin().get(SUMMARY + "?action=list");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1903");
    assertThat(reply.responseText()).isEqualTo("Missing required parameter(s): scan_date_since");
  }

  @Test
  void dateSinceAfterTodayIsCode1905() {
    ApiReply reply = server.admin().get(LIST + "2018-05-03");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).isEqualTo("parameter scan_date_since has invalid value:"
        + " 2018-05-03 (must not be after today, 2018-05-02 UTC)");
  }

  @Test
  void malformedDatesAreCode1905() {
    assertThat(error(LIST + "2018-5-1")).isEqualTo("1905 parameter scan_date_since has invalid"
        + " value: 2018-5-1 (use the format YYYY-MM-DD)");
    assertThat(error(LIST + "2018-02-30")).isEqualTo("1905 parameter scan_date_since has"
        + " invalid value: 2018-02-30 (not a valid date)");
    assertThat(error(LIST + "2018-04-27T00:00:00Z")).startsWith("1905 parameter"
        + " scan_date_since");
    assertThat(error(LIST + "2018-04-27&scan_date_to=yesterday")).isEqualTo("1905 parameter"
        + " scan_date_to has invalid value: yesterday (use the format YYYY-MM-DD)");
  }

  @Test
  void dateToOutsideRangeIsCode1905() {
    assertThat(error(LIST + "2018-04-27&scan_date_to=2018-04-26")).isEqualTo("1905 parameter"
        + " scan_date_to has invalid value: 2018-04-26 (must not be before scan_date_since,"
        + " 2018-04-27)");
    assertThat(error(LIST + "2018-04-27&scan_date_to=2018-05-03")).isEqualTo("1905 parameter"
        + " scan_date_to has invalid value: 2018-05-03 (must not be after today, 2018-05-02"
        + " UTC)");
  }

  @Test
  void otherInvalidValuesAreCode1905() {
    assertThat(error(LIST + "2018-04-27&output_format=pdf")).isEqualTo("1905 parameter"
        + " output_format has invalid value: pdf (use one of: XML, CSV, JSON)");
    assertThat(error(LIST + "2018-04-27&tracking_method=MAC")).isEqualTo("1905 parameter"
        + " tracking_method has invalid value: MAC (use one of: IP, DNS, NETBIOS, EC2)");
    assertThat(error(LIST + "2018-04-27&include_dead=yes")).isEqualTo("1905 parameter"
        + " include_dead has invalid value: yes (must be 0 or 1)");
    assertThat(error(LIST + "2018-04-27&include_scanned=1")).isEqualTo("1901 Unrecognized"
        + " parameter(s): include_scanned");
  }

  @Test
  void datesSelectScansByLaunchDay() {
    assertThat(refs(LIST + "2018-04-27")).containsExactly("scan/1524787200.00001",
        "scan/1525219200.00002");
    assertThat(refs(LIST + "2018-04-26")).containsExactly("scan/1524787200.00001",
        "scan/1525219200.00002");
    assertThat(refs(LIST + "2018-04-25")).hasSize(3);
    assertThat(refs(LIST + "2018-05-02")).containsExactly("scan/1525219200.00002");
    assertThat(refs(LIST + "2018-04-27&scan_date_to=2018-04-27"))
        .containsExactly("scan/1524787200.00001");
    assertThat(refs(LIST + "2018-04-28&scan_date_to=2018-05-01")).isEmpty();
  }

  @Test
  void emptySummaryHasOnlyDatetime() {
    ApiReply reply = server.admin().get(LIST + "2018-04-28&scan_date_to=2018-05-01");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.xpath("/SCAN_SUMMARY_OUTPUT/RESPONSE/DATETIME")).isNotEmpty();
    assertThat(reply.count("//SCAN_SUMMARY_LIST")).isZero();
    assertThat(server.admin().get(LIST + "2018-05-02&scan_date_to=2018-05-01&output_format=json")
        .status()).isEqualTo(400);
  }

  @Test
  void emptyCsvAndJsonHaveHeaderOnly() {
    String query = LIST + "2018-04-28&scan_date_to=2018-05-01&output_format=";

    assertThat(server.admin().get(query + "csv").text())
        .isEqualTo("\"SCAN_REF\",\"SCAN_DATE\",\"CATEGORY\",\"TRACKING\",\"HOSTS\"\n");
    assertThat(server.admin().get(query + "Json").text()).isEqualTo("[]");
  }

  @Test
  void deadHostsOnlyByDefault() {
    ApiReply reply = server.admin().get(LIST + "2018-04-27");

    assertThat(ScanSummarySampleTest.hostSummaries(reply)).containsExactly(
        List.of("dead", "IP", "10.0.0.1"),
        List.of("dead", "DNS", "host4.example.test"),
        List.of("dead", "NETBIOS", "HOST5"),
        List.of("dead", "IP", "10.0.1.1-10.0.1.3"));
  }

  @Test
  void includeFlagsSelectCategories() {
    ApiReply reply = server.admin().get(LIST + "2018-04-27&include_dead=0&include_blocked=1"
        + "&include_aborted=1&include_excluded=1");
    ApiReply none = server.admin().get(LIST + "2018-04-27&include_dead=0");

    assertThat(ScanSummarySampleTest.hostSummaries(reply)).containsExactly(
        List.of("aborted", "IP", "10.0.0.3"),
        List.of("blocked", "IP", "10.0.0.2"),
        List.of("excluded", "IP", "10.0.1.9"));
    assertThat(none.count("//SCAN_SUMMARY")).isZero();
  }

  @Test
  void trackingMethodFiltersHosts() {
    ApiReply dns = server.admin().get(LIST + "2018-04-27&tracking_method=dns");
    ApiReply ec2 = server.admin().get(LIST + "2018-04-27&tracking_method=EC2");

    assertThat(ScanSummarySampleTest.hostSummaries(dns))
        .containsExactly(List.of("dead", "DNS", "host4.example.test"));
    assertThat(ec2.count("//SCAN_SUMMARY")).isZero();
  }

  @Test
  void rolesThatReadScansSeeEveryScan() {
    for (String login : List.of("unitmanager1", "scanner1", "reader1")) {
      ApiReply reply = server.as(login).get(LIST + "2018-04-27");

      assertThat(reply.status()).as(login).isEqualTo(200);
      assertThat(reply.count("//SCAN_SUMMARY")).as(login).isEqualTo(2);
    }
  }

  @Test
  void auditorIsDenied() {
    ApiReply reply = server.as("auditor1").get(LIST + "2018-04-27");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.code()).isEqualTo("2012");
  }

  private static String error(String query) {
    ApiReply reply = server.admin().get(query);
    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    return reply.code() + " " + reply.responseText();
  }

  private static List<String> refs(String query) {
    ApiReply reply = server.admin().get(query);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    List<String> refs = new java.util.ArrayList<>();
    for (int i = 1; i <= reply.count("//SCAN_REF"); i++) {
      refs.add(reply.xpath("(//SCAN_REF)[" + i + "]"));
    }
    return refs;
  }
}
