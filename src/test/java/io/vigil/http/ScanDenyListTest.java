package io.vigil.http;

import static io.vigil.http.ScanSummaryData.SUMMARY;
import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.launch;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.net.IpRange;
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
 * The operator's deny list (--scan-deny): a target on it is blocked before the scan, never
 * probed, and listed as blocked with the entry that matched.
 */
class ScanDenyListTest {
  static final String DENIED_IP = "127.0.0.95";
  static final String ALLOWED_IP = "127.0.0.96";

  static ScanTargetFixture targets;
  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    targets = new ScanTargetFixture()
        .ssh(DENIED_IP, "SSH-2.0-OpenSSH_9.2p1")
        .ssh(ALLOWED_IP, "SSH-2.0-OpenSSH_9.2p1");
    server = TestServer.builder()
        .assetScope(FixedAssetScope.loopback())
        .scanDeny(List.of(IpRange.parse("127.0.0.90-127.0.0.95")))
        .start();
    targets.createProfile(server, "Deny list", 500, 2);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    targets.close();
  }

  @Test
  void deniedTargetIsBlockedUnprobed() throws Exception {
    String ref = launch(server, "scan_title", "deny list", "option_title", "Deny list",
        "ip", DENIED_IP + "," + ALLOWED_IP);
    awaitState(server, ref, "Finished");

    ApiReply reply = server.admin().get(SUMMARY + "?action=list&include_dead=0"
        + "&include_blocked=1&show_evidence=1&scan_date_since="
        + LocalDate.now(ZoneOffset.UTC));

    String scan = "//SCAN_SUMMARY[SCAN_REF='" + ref + "']";
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.count(scan + "/HOST_SUMMARY")).isEqualTo(1);
    assertThat(reply.xpath(scan + "/HOST_SUMMARY/@category")).isEqualTo("blocked");
    assertThat(reply.xpath(scan + "/HOST_SUMMARY")).isEqualTo(DENIED_IP);
    assertThat(reply.xpath(scan + "/HOST_EVIDENCE")).isEqualTo(
        "on the operator's deny list, entry 127.0.0.90-127.0.0.95 (vigil serve --scan-deny)");
    assertThat(targets.connections(DENIED_IP)).isZero();
    assertThat(targets.connections(ALLOWED_IP)).isPositive();
  }
}
