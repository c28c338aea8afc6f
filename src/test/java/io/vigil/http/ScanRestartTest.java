package io.vigil.http;

import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.launch;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.net.IpRange;
import io.vigil.testing.ApiReply;
import io.vigil.testing.FixedAssetScope;
import io.vigil.testing.TestDatabase;
import io.vigil.testing.TestServer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A server stopped in the middle of a scan: a new server on the same database continues the
 * scan without scanning a finished host again, and stores each host's results once.
 */
class ScanRestartTest {
  static final List<String> HOSTS =
      List.of("127.0.0.81", "127.0.0.82", "127.0.0.83", "127.0.0.84");

  @Test
  void restartResumesScanWithoutDuplicates() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        ScanTargetFixture targets = new ScanTargetFixture()) {
      for (String host : HOSTS) {
        targets.silent(host);
      }
      FixedAssetScope scope = FixedAssetScope.loopback();
      String ref;
      List<String> finishedBeforeStop;
      Map<String, Integer> connectionsAtStop = new HashMap<>();
      try (TestServer first = TestServer.builder().database(database).assetScope(scope)
          .start()) {
        String profile = Long.toString(targets.createProfile(first, "Slow", 800, 1));
        ref = launch(first, "scan_title", "restart", "option_id", profile,
            "ip", "127.0.0.81-127.0.0.84");
        finishedBeforeStop = awaitSomeHostsDone(first, ref);
        for (String host : HOSTS) {
          connectionsAtStop.put(host, targets.connections(host));
        }
      }

      try (TestServer second = TestServer.builder().database(database).assetScope(scope)
          .start()) {
        awaitState(second, ref, "Finished");

        for (String host : HOSTS) {
          assertThat(count(second, ref, host, "scan_finding", "qid = 45038")).as(host)
              .isEqualTo(1);
          assertThat(count(second, ref, host, "scan_host", "status = 'done'")).as(host)
              .isEqualTo(1);
        }
        assertThat(finishedBeforeStop).isNotEmpty();
        assertThat(finishedBeforeStop).hasSizeLessThan(HOSTS.size());
        for (String host : finishedBeforeStop) {
          assertThat(targets.connections(host)).as(host).isEqualTo(connectionsAtStop.get(host));
        }
      }
    }
  }

  @Test
  void denyListAddedAtRestartBlocksPendingHost() throws Exception {
    try (TestDatabase database = TestDatabase.create();
        ScanTargetFixture targets = new ScanTargetFixture()) {
      for (String host : List.of("127.0.0.85", "127.0.0.86", "127.0.0.87")) {
        targets.silent(host);
      }
      FixedAssetScope scope = FixedAssetScope.loopback();
      String ref;
      try (TestServer first = TestServer.builder().database(database).assetScope(scope)
          .start()) {
        String profile = Long.toString(targets.createProfile(first, "Slow", 800, 1));
        ref = launch(first, "scan_title", "deny at restart", "option_id", profile,
            "ip", "127.0.0.85-127.0.0.87");
        awaitState(first, ref, "Running");
      }

      // One host at a time, several seconds each: the last host is still pending here.
      try (TestServer second = TestServer.builder().database(database).assetScope(scope)
          .scanDeny(List.of(IpRange.parse("127.0.0.87"))).start()) {
        awaitState(second, ref, "Finished");
        ApiReply summary = second.admin().get(ScanSummaryData.SUMMARY + "?action=list"
            + "&include_dead=0&include_blocked=1&show_evidence=1&scan_date_since="
            + java.time.LocalDate.now(java.time.ZoneOffset.UTC));

        String scan = "//SCAN_SUMMARY[SCAN_REF='" + ref + "']";
        assertThat(summary.xpath(scan + "/HOST_SUMMARY[@category='blocked']"))
            .isEqualTo("127.0.0.87");
        assertThat(summary.xpath(scan + "/HOST_EVIDENCE[@host='127.0.0.87']")).isEqualTo(
            "on the operator's deny list, entry 127.0.0.87 (vigil serve --scan-deny), since the"
                + " scan was launched");
        assertThat(targets.connections("127.0.0.87")).isZero();
        assertThat(count(second, ref, "127.0.0.86", "scan_host", "status = 'done'")).isEqualTo(1);
      }
    }
  }

  /** Waits until at least one host of the scan is done and returns the done hosts. */
  private static List<String> awaitSomeHostsDone(TestServer server, String ref)
      throws InterruptedException {
    long deadline = System.nanoTime() + ScanTargetFixture.WAIT_MILLIS * 1_000_000;
    List<String> done = doneHosts(server, ref);
    while (done.isEmpty()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("No host of " + ref + " finished in time");
      }
      Thread.sleep(100);
      done = doneHosts(server, ref);
    }
    return done;
  }

  private static List<String> doneHosts(TestServer server, String ref) {
    List<Long> ips = server.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT h.ip FROM scan_host h JOIN scan s ON s.id = h.scan_id"
            + " WHERE s.ref = :ref AND h.status = 'done' ORDER BY h.ip")
        .bind("ref", ref)
        .mapTo(Long.class)
        .list());
    List<String> hosts = new ArrayList<>();
    for (long ip : ips) {
      hosts.add(IpRange.format(ip));
    }
    return hosts;
  }

  private static int count(TestServer server, String ref, String host, String table,
      String condition) {
    return server.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT COUNT(*) FROM " + table + " t JOIN scan s ON s.id = t.scan_id"
            + " WHERE s.ref = :ref AND t.ip = :ip AND t." + condition)
        .bind("ref", ref)
        .bind("ip", IpRange.toNumber(host))
        .mapTo(Integer.class)
        .one());
  }
}
