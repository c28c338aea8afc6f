package io.vigil.http;

import static io.vigil.http.ScanTargetFixture.SCAN;
import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.launch;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.ApiReply;
import io.vigil.testing.FixedAssetScope;
import io.vigil.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Vigil's show_progress=1 extension of the scan list. */
class ScanProgressApiTest {
  static ScanTargetFixture targets;
  static TestServer server;
  static String ref;

  @BeforeAll
  static void start() throws Exception {
    targets = new ScanTargetFixture()
        .ssh("127.0.0.71", "SSH-2.0-OpenSSH_9.2p1")
        .ssh("127.0.0.72", "SSH-2.0-OpenSSH_8.0");
    FixedAssetScope scope = new FixedAssetScope().scannable("127.0.0.70-127.0.0.79");
    server = TestServer.builder().assetScope(scope).start();
    targets.createProfile(server, "Progress", 500, 4);
    ref = launch(server, "scan_title", "progress", "option_title", "Progress",
        "ip", "127.0.0.71-127.0.0.73, 127.0.1.9");
    awaitState(server, ref, "Finished");
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    targets.close();
  }

  private static ApiReply list(String extra) {
    return server.admin().get(SCAN + "?action=list&scan_ref="
        + URLEncoder.encode(ref, StandardCharsets.UTF_8) + extra);
  }

  @Test
  void progressCountsHostsAndOpenPorts() {
    ApiReply reply = list("&show_progress=1&show_op=1");

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.xpath("//SCAN/PROGRESS/HOSTS_DONE")).isEqualTo("4");
    assertThat(reply.xpath("//SCAN/PROGRESS/HOSTS_TOTAL")).isEqualTo("4");
    assertThat(reply.xpath("//SCAN/PROGRESS/OPEN_PORTS")).isEqualTo("2");
    assertThat(reply.xpath("name(//SCAN/*[last()])")).isEqualTo("PROGRESS");
  }

  @Test
  void listWithoutFlagHasNoProgress() {
    ApiReply reply = list("");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.count("//SCAN/PROGRESS")).isZero();
  }

  @Test
  void progressFlagRejectsOtherValues() {
    ApiReply reply = list("&show_progress=yes");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.xpath("//CODE")).isEqualTo("1905");
  }
}
