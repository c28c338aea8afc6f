package io.vigil.http;

import static io.vigil.http.ScanSummaryData.SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.net.IpRange;
import io.vigil.testing.ApiReply;
import io.vigil.testing.MutableClock;
import io.vigil.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A summary of more scans than one page of the scan list: every scan with a selected host comes
 * once, in launch order, with scans launched at the same second ordered by id across pages.
 */
class ScanSummaryPagingTest {
  /** More than two pages of scans, so that two page boundaries fall among equal launch times. */
  static final int SCANS = 1_203;

  static TestServer server;
  static final List<String> expectedRefs = new ArrayList<>();

  @BeforeAll
  static void start() {
    server = TestServer.builder().clock(MutableClock.at("2019-03-02T12:00:00Z")).start();
    ScanSummaryData data = new ScanSummaryData(server);
    for (int i = 0; i < SCANS; i++) {
      // The first 1,100 scans share one launch second; the rest follow a second apart.
      String launched = i < 1_100 ? "2019-03-01T08:00:00Z"
          : "2019-03-01T09:00:" + String.format("%02d", (i - 1_100) % 60) + "Z";
      String ref = String.format("scan/1551427200.%05d", i);
      long id = data.scan(ref, launched);
      if (i % 3 == 2) {
        // Every third scan has only an excluded host, which the request leaves out.
        data.host(id, "10.0.0.1", null, "excluded", "IP");
        continue;
      }
      data.host(id, IpRange.format(IpRange.toNumber("10.1.0.0") + i), null, "dead", "IP");
      expectedRefs.add(ref);
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void everyScanComesOnceInLaunchOrder() {
    ApiReply reply = server.admin().get(SUMMARY
        + "?action=list&scan_date_since=2019-03-01&output_format=csv");

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    List<String> rows = reply.text().lines().skip(1).toList();
    List<String> refs = rows.stream().map(row -> row.substring(1, row.indexOf('"', 1))).toList();
    // Scans launched at 09:00:SS sort by second before id, so the expected order is by launch
    // time, then by insertion order, which is the id order.
    List<String> byLaunch = new ArrayList<>(expectedRefs);
    byLaunch.sort((a, b) -> Integer.compare(launchRank(a), launchRank(b)));
    assertThat(refs).hasSize(expectedRefs.size());
    assertThat(refs).containsExactlyElementsOf(byLaunch);
    assertThat(rows.get(0)).isEqualTo("\"scan/1551427200.00000\",\"2019-03-01T08:00:00Z\","
        + "\"dead\",\"IP\",\"10.1.0.0\"");
  }

  /** Returns a sort key of launch second, then insertion index, for a ref of this test. */
  private static int launchRank(String ref) {
    int index = Integer.parseInt(ref.substring(ref.indexOf('.') + 1));
    int second = index < 1_100 ? -1 : (index - 1_100) % 60;
    return (second + 1) * 10_000 + index;
  }
}
