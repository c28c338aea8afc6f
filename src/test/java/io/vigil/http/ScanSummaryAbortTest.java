package io.vigil.http;

import static io.vigil.http.ScanSummaryData.SUMMARY;
import static io.vigil.http.ScanTargetFixture.PROFILES;
import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.form;
import static io.vigil.http.ScanTargetFixture.launch;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.ApiReply;
import io.vigil.testing.FixedAssetScope;
import io.vigil.testing.MutableClock;
import io.vigil.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A host whose scan the engine aborts: a listener that accepts and never sends keeps service
 * detection waiting, and the test moves the server's clock past the profile's one-minute host
 * time limit meanwhile. The next deadline check inside the engine aborts the host.
 */
class ScanSummaryAbortTest {
  static final String STALLED_IP = "127.0.0.91";
  static final String DAY = "2026-06-01";

  static ScanTargetFixture targets;
  static MutableClock clock;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    targets = new ScanTargetFixture().silent(STALLED_IP);
    clock = MutableClock.at(DAY + "T12:00:00Z");
    server = TestServer.builder().clock(clock).assetScope(FixedAssetScope.loopback()).start();
    String port = Integer.toString(targets.port());
    ApiReply profile = server.admin().post(PROFILES, form(
        "action", "create", "title", "One minute per host", "tcp_ports_type", "custom",
        "tcp_ports", port, "discovery_tcp_ports", port, "discovery_icmp", "0",
        "connect_timeout_ms", "1000", "read_timeout_ms", "1500", "hosts_in_parallel", "1",
        "probes_in_parallel", "1", "max_host_minutes", "1"));
    assertThat(profile.status()).as(profile.text()).isEqualTo(200);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    targets.close();
  }

  @Test
  void hostOverTimeLimitIsAborted() throws Exception {
    String ref = launch(server, "scan_title", "stalled", "option_title", "One minute per host",
        "ip", STALLED_IP);
    // Discovery and the port scan each connect once. The third connection is service
    // detection, which waits for a banner that never comes.
    long waitUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (targets.connections(STALLED_IP) < 3 && System.nanoTime() < waitUntil) {
      Thread.sleep(20);
    }
    assertThat(targets.connections(STALLED_IP)).isGreaterThanOrEqualTo(3);
    clock.advance(Duration.ofMinutes(2));
    awaitState(server, ref, "Finished");

    ApiReply reply = server.admin().get(SUMMARY + "?action=list&include_dead=0"
        + "&include_aborted=1&show_evidence=1&scan_date_since=" + DAY);
    ApiReply byDefault = server.admin().get(SUMMARY + "?action=list&scan_date_since=" + DAY);

    String scan = "//SCAN_SUMMARY[SCAN_REF='" + ref + "']";
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.xpath(scan + "/HOST_SUMMARY/@category")).isEqualTo("aborted");
    assertThat(reply.xpath(scan + "/HOST_SUMMARY/@tracking")).isEqualTo("IP");
    assertThat(reply.xpath(scan + "/HOST_SUMMARY")).isEqualTo(STALLED_IP);
    assertThat(reply.xpath(scan + "/HOST_EVIDENCE[@host='" + STALLED_IP + "']"))
        .isEqualTo("the host scan took longer than the option profile's limit of 1 min per host");
    assertThat(byDefault.count(scan)).as("aborted hosts are left out by default").isZero();
  }
}
