package io.vigil.http;

import static io.vigil.http.ScanSummaryData.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.testing.ApiReply;
import io.vigil.testing.FixedAssetScope;
import io.vigil.testing.MutableClock;
import io.vigil.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scan summary reproduces the XML, CSV and JSON samples of Qualys' release notes for
 * version 8.x, from the same hosts stored in Vigil's tables.
 */
class ScanSummarySampleTest {
  static final String QUERY = SUMMARY + "?action=list&scan_date_since=2018-04-27"
      + "&include_excluded=1&include_unresolved=1&include_cancelled=1&include_notvuln=1"
      + "&include_duplicate=1";

  static final String REF = "scan/1525251885.92469";
  static final String DATE = "2018-05-02T09:04:34Z";
  static final String DOMAIN = ".caac125.qualys.com";

  /** The sample's host lists: category, tracking method and hosts. */
  static final List<List<String>> SAMPLE = List.of(
      List.of("notvuln", "IP", "10.10.10.10-10.10.10.15, 10.10.10.17"),
      List.of("notvuln", "DNS", "gfi-31-1" + DOMAIN + " gfi-31-2" + DOMAIN),
      List.of("notvuln", "NETBIOS", "gfi-31-3, gfi-31-4"),
      List.of("cancelled", "IP", "10.10.10.20, 10.10.10.22"),
      List.of("cancelled", "DNS", "gfi-31-5" + DOMAIN + " gfi-31-6" + DOMAIN),
      List.of("cancelled", "NETBIOS", "gfi-31-7, gfi-31-8"),
      List.of("dead", "IP", "10.10.10.25"),
      List.of("dead", "DNS", "gfi-31-9" + DOMAIN),
      List.of("dead", "NETBIOS", "gfi-31-10, gfi-31-11"),
      List.of("excluded", "IP", "10.10.10.26"),
      List.of("unresolved", "DNS", "gfi-31-12" + DOMAIN),
      List.of("unresolved", "NETBIOS", "gfi-31-13"),
      List.of("duplicate", "IP", "10.10.10.27"),
      List.of("duplicate", "DNS", "gfi-31-14" + DOMAIN),
      List.of("duplicate", "NETBIOS", "gfi-31-15"));

  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.builder()
        .clock(MutableClock.at("2018-05-02T10:45:40Z"))
        .assetScope(FixedAssetScope.loopback())
        .start();
    ScanSummaryData data = new ScanSummaryData(server);
    data.sampleHosts(data.scan(REF, DATE));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void xmlMatchesSample() {
    ApiReply reply = server.admin().get(QUERY);

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.header("Content-Type").orElse("")).startsWith("text/xml");
    assertThat(reply.text()).contains("<!DOCTYPE SCAN_SUMMARY_OUTPUT SYSTEM \""
        + TestServer.BASE_URL + "/api/2.0/fo/scan/summary/scan_summary_output.dtd\">");
    assertThat(reply.xpath("/SCAN_SUMMARY_OUTPUT/RESPONSE/DATETIME"))
        .isEqualTo("2018-05-02T10:45:40Z");
    assertThat(reply.count("//SCAN_SUMMARY")).isEqualTo(1);
    assertThat(reply.xpath("//SCAN_SUMMARY/SCAN_REF")).isEqualTo(REF);
    assertThat(reply.xpath("//SCAN_SUMMARY/SCAN_DATE")).isEqualTo(DATE);
    assertThat(reply.xpath("name(//SCAN_SUMMARY/*[1])")).isEqualTo("SCAN_REF");
    assertThat(reply.xpath("name(//SCAN_SUMMARY/*[2])")).isEqualTo("SCAN_DATE");
    assertThat(hostSummaries(reply)).containsExactlyElementsOf(SAMPLE);
  }

  @Test
  void csvMatchesSample() {
    ApiReply reply = server.admin().get(QUERY + "&output_format=csv");

    StringBuilder expected = new StringBuilder(
        "\"SCAN_REF\",\"SCAN_DATE\",\"CATEGORY\",\"TRACKING\",\"HOSTS\"\n");
    for (List<String> row : SAMPLE) {
      expected.append("\"" + REF + "\",\"" + DATE + "\",\"").append(row.get(0)).append("\",\"")
          .append(row.get(1)).append("\",\"").append(row.get(2)).append("\"\n");
    }
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(reply.text()).isEqualTo(expected.toString());
    assertThat(reply.text().split("\n", -1)[1]).isEqualTo("\"scan/1525251885.92469\","
        + "\"2018-05-02T09:04:34Z\",\"notvuln\",\"IP\",\"10.10.10.10-10.10.10.15, 10.10.10.17\"");
  }

  @Test
  void jsonMatchesSample() throws Exception {
    ApiReply reply = server.admin().get(QUERY + "&output_format=JSON");

    StringBuilder sample = new StringBuilder("[{\"scanRef\": \"scan\\/1525251885.92469\","
        + " \"scanDate\": \"2018-05-02T09:04:34Z\", \"hostSummary\": [");
    for (int i = 0; i < SAMPLE.size(); i++) {
      List<String> row = SAMPLE.get(i);
      sample.append(i == 0 ? "" : ", ").append("{\"category\": \"").append(row.get(0))
          .append("\", \"tracking\": \"").append(row.get(1)).append("\", \"hosts\": \"")
          .append(row.get(2)).append("\"}");
    }
    sample.append("]}]");
    ObjectMapper mapper = new ObjectMapper();
    JsonNode actual = mapper.readTree(reply.body());
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Content-Type").orElse("")).startsWith("application/json");
    assertThat(actual).isEqualTo(mapper.readTree(sample.toString()));
    assertThat(fieldNames(actual.get(0))).containsExactly("scanRef", "scanDate", "hostSummary");
    assertThat(fieldNames(actual.get(0).get("hostSummary").get(0)))
        .containsExactly("category", "tracking", "hosts");
    assertThat(reply.text()).contains("\"scanRef\":\"scan\\/1525251885.92469\"");
  }

  @Test
  void postGivesSameOutputAsGet() {
    ApiReply get = server.admin().get(QUERY + "&output_format=csv");
    ApiReply post = server.admin().post(SUMMARY, QUERY.substring(SUMMARY.length() + 1)
        + "&output_format=csv");
    ApiReply postQuery = server.admin().postQuery(QUERY + "&output_format=csv");

    assertThat(post.text()).isEqualTo(get.text());
    assertThat(postQuery.text()).isEqualTo(get.text());
  }

  @Test
  void echoRequestAddsRequestElement() {
    ApiReply reply = server.admin().get(QUERY + "&echo_request=1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.xpath("/SCAN_SUMMARY_OUTPUT/REQUEST/RESOURCE"))
        .isEqualTo(TestServer.BASE_URL + SUMMARY);
    assertThat(reply.count("//HOST_SUMMARY")).isEqualTo(SAMPLE.size());
  }

  static List<List<String>> hostSummaries(ApiReply reply) {
    List<List<String>> rows = new ArrayList<>();
    int count = reply.count("//HOST_SUMMARY");
    for (int i = 1; i <= count; i++) {
      String element = "(//HOST_SUMMARY)[" + i + "]";
      rows.add(List.of(reply.xpath(element + "/@category"), reply.xpath(element + "/@tracking"),
          reply.xpath(element)));
    }
    return rows;
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
