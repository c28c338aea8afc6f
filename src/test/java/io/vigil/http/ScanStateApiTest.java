package io.vigil.http;

import static io.vigil.http.ScanTargetFixture.SCAN;
import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.form;
import static io.vigil.http.ScanTargetFixture.launch;
import static io.vigil.http.ScanTargetFixture.listOne;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.ApiReply;
import io.vigil.testing.FixedAssetScope;
import io.vigil.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Cancel, pause, resume and delete of /api/2.0/fo/scan/ and the states they allow. */
class ScanStateApiTest {
  /** Silent hosts: each one keeps the engine waiting for read timeouts. */
  static final String SLOW_HOSTS = "127.0.0.41-127.0.0.46";

  static ScanTargetFixture targets;
  static TestServer server;
  static String slowProfile;
  static String fastProfile;

  @BeforeAll
  static void start() throws Exception {
    targets = new ScanTargetFixture().ssh("127.0.0.40", "SSH-2.0-OpenSSH_9.2p1");
    for (int host = 41; host <= 46; host++) {
      targets.silent("127.0.0." + host);
    }
    server = TestServer.builder().assetScope(FixedAssetScope.loopback()).start();
    slowProfile = Long.toString(targets.createProfile(server, "Slow", 1500, 1));
    fastProfile = Long.toString(targets.createProfile(server, "Fast", 500, 4));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    targets.close();
  }

  @Test
  void pauseResumeThenCancelRunningScan() throws Exception {
    String ref = launch(server, "scan_title", "pausable", "option_id", slowProfile,
        "ip", SLOW_HOSTS);
    awaitState(server, ref, "Running");

    ApiReply pause = action("pause", ref);
    ApiReply paused = awaitNoSubState(ref, "Paused");
    ApiReply resume = action("resume", ref);
    awaitState(server, ref, "Running");
    ApiReply cancel = action("cancel", ref);
    ApiReply canceled = awaitState(server, ref, "Canceled");

    assertThat(pause.responseText()).isEqualTo("Pausing scan");
    assertThat(paused.xpath("//SCAN/DURATION")).matches("[0-9]{2}:[0-9]{2}:[0-9]{2}");
    assertThat(resume.responseText()).isEqualTo("Resuming scan");
    assertThat(cancel.responseText()).isEqualTo("Cancelling scan");
    assertThat(canceled.xpath("//SCAN/PROCESSED")).isEqualTo("1");
    assertThat(cancelledHosts(ref)).isPositive();
  }

  @Test
  void resumeWhilePausingIsRejected() throws Exception {
    String ref = launch(server, "scan_title", "pausing", "option_id", slowProfile,
        "ip", SLOW_HOSTS);
    awaitState(server, ref, "Running");

    action("pause", ref);
    ApiReply early = listOne(server, ref);
    ApiReply resumeWhilePausing = early.xpath("//SCAN/STATUS/SUB_STATE").equals("Pausing")
        ? action("resume", ref) : null;
    // The pause can complete between the list and the resume call. The resume is then valid and
    // accepted, and the scan runs on instead of settling in Paused.
    boolean resumed = resumeWhilePausing != null && resumeWhilePausing.code().isEmpty();
    if (!resumed) {
      awaitNoSubState(ref, "Paused");
    }
    action("cancel", ref);

    assertThat(early.xpath("//SCAN/STATUS/STATE")).isEqualTo("Paused");
    if (resumed) {
      assertThat(resumeWhilePausing.responseText()).isEqualTo("Resuming scan");
    } else if (resumeWhilePausing != null) {
      assertThat(resumeWhilePausing.code()).isEqualTo("1905");
      assertThat(resumeWhilePausing.responseText()).contains("still pausing");
    }
    awaitState(server, ref, "Canceled");
  }

  @Test
  void finishedScanRejectsStateChanges() throws Exception {
    String ref = launch(server, "scan_title", "done", "option_id", fastProfile,
        "ip", "127.0.0.40");
    awaitState(server, ref, "Finished");

    for (String verb : new String[] {"cancel", "pause", "resume"}) {
      ApiReply reply = action(verb, ref);
      assertThat(reply.status()).as(verb).isEqualTo(400);
      assertThat(reply.code()).as(verb).isEqualTo("1905");
      assertThat(reply.responseText()).as(verb).contains("the scan is Finished");
    }
  }

  @Test
  void deleteRemovesFinishedScanOnly() throws Exception {
    String running = launch(server, "scan_title", "busy", "option_id", slowProfile,
        "ip", SLOW_HOSTS);
    String finished = launch(server, "scan_title", "gone", "option_id", fastProfile,
        "ip", "127.0.0.40");
    awaitState(server, finished, "Finished");

    ApiReply busy = action("delete", running);
    ApiReply deleted = action("delete", finished);
    ApiReply again = action("delete", finished);
    action("cancel", running);

    assertThat(busy.code()).isEqualTo("1905");
    assertThat(busy.responseText()).contains("cancel it first");
    assertThat(deleted.responseText()).isEqualTo("Deleted scan");
    assertThat(listOne(server, finished).count("//SCAN")).isZero();
    assertThat(again.code()).isEqualTo("1905");
    assertThat(again.responseText()).contains("no scan has this reference");
    awaitState(server, running, "Canceled");
  }

  @Test
  void stateActionsNeedPostAndScanRef() {
    ApiReply get = server.admin().get(SCAN + "?action=cancel&scan_ref=scan/1.00001");
    ApiReply missing = server.admin().post(SCAN, form("action", "pause"));
    ApiReply unknown = action("resume", "scan/1.00001");

    assertThat(get.code()).isEqualTo("1908");
    assertThat(missing.code()).isEqualTo("1903");
    assertThat(unknown.code()).isEqualTo("1905");
  }

  private static ApiReply action(String verb, String ref) {
    return server.admin().post(SCAN, form("action", verb, "scan_ref", ref));
  }

  /** Waits until the scan is in {@code state} with no sub-state. */
  private static ApiReply awaitNoSubState(String ref, String state) throws Exception {
    long deadline = System.nanoTime() + ScanTargetFixture.WAIT_MILLIS * 1_000_000;
    ApiReply reply = listOne(server, ref);
    while (!(reply.xpath("//SCAN/STATUS/STATE").equals(state)
        && reply.count("//SCAN/STATUS/SUB_STATE") == 0)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Scan " + ref + " did not settle in " + state + ":\n"
            + reply.text());
      }
      Thread.sleep(200);
      reply = listOne(server, ref);
    }
    return reply;
  }

  private static int cancelledHosts(String ref) {
    return server.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT COUNT(*) FROM scan_host_not_scanned n JOIN scan s"
            + " ON s.id = n.scan_id WHERE s.ref = :ref AND n.reason = 'cancelled'")
        .bind("ref", ref)
        .mapTo(Integer.class)
        .one());
  }
}
