package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.ApiReply;
import io.vigil.testing.Forms;
import io.vigil.testing.TestServer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code vigil scan} and {@code vigil asset} against a real server, scanning an SSH-like
 * listener on 127.0.0.151. The subscription contains 127.0.0.151 and lacks 127.0.0.152.
 */
class ScanCommandTest {
  static final String SCANNED_IP = "127.0.0.151";
  static final String OUTSIDE_IP = "127.0.0.152";
  static final String SILENT_IP = "127.0.0.153";
  static final String PROFILE = "CLI loopback";
  static final String SLOW_PROFILE = "CLI slow";

  static TestServer server;
  static SshListener listener;
  static SshListener silentListener;
  static int port;
  static RemoteCommandRunner vigil;
  static String waitedRef;
  static CommandRunner.Result waited;

  @BeforeAll
  static void start() throws Exception {
    port = SshListener.freePort();
    listener = new SshListener(SCANNED_IP, port, "SSH-2.0-OpenSSH_9.2p1 Debian-2");
    silentListener = SshListener.silent(SILENT_IP, port);
    server = TestServer.start();
    vigil = new RemoteCommandRunner(Map.of("VIGIL_PASSWORD", TestServer.ADMIN_PASSWORD));
    CommandRunner.Result added =
        vigil.run("asset", "add-ip", SCANNED_IP + "," + SILENT_IP, "--url", url());
    assertThat(added.exitCode()).as(added.err()).isZero();
    createProfile(PROFILE, 500);
    // Five detection probes that each wait 3 s keep a scan of the silent listener running
    // long enough to cancel it.
    createProfile(SLOW_PROFILE, 3000);
    waited = vigil.run("scan", "launch", "--url", url(), "--ip", SCANNED_IP + "," + OUTSIDE_IP,
        "--title", "CLI wait", "--option-title", PROFILE, "--wait");
    waitedRef = waited.outLines().get(0);
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    listener.close();
    silentListener.close();
  }

  /** Creates an option profile that discovers and scans only the listeners' port. */
  static void createProfile(String title, int readTimeoutMs) {
    ApiReply profile = server.admin().post("/api/2.0/fo/subscription/option_profile/vm/",
        Forms.encode("action", "create", "title", title, "tcp_ports_type", "custom",
            "tcp_ports", Integer.toString(port), "discovery_tcp_ports", Integer.toString(port),
            "discovery_icmp", "0", "connect_timeout_ms", "1000",
            "read_timeout_ms", Integer.toString(readTimeoutMs)));
    assertThat(profile.status()).as(profile.text()).isEqualTo(200);
  }

  static String url() {
    return server.uri().toString();
  }

  @Test
  void addIpPutsAddressInSubscription() {
    CommandRunner.Result result = vigil.run("asset", "add-ip", "127.0.0.160", "--url", url());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo("IPs successfully added to Vulnerability Management: 127.0.0.160\n");
    ApiReply list = server.admin().get("/api/2.0/fo/asset/ip/?action=list&ips=127.0.0.160");
    assertThat(list.xpath("//IP_SET/IP")).isEqualTo("127.0.0.160");
  }

  @Test
  void launchWaitPrintsReferenceFirst() {
    assertThat(waited.exitCode()).as(waited.out() + waited.err()).isZero();
    assertThat(waited.err()).isEmpty();
    assertThat(waitedRef).matches("scan/[0-9]{10}\\.[0-9]{5}");
  }

  @Test
  void launchWaitSummaryListsPortAndService() {
    assertThat(waited.outLines()).anySatisfy(line -> assertThat(line)
        .matches("127\\.0\\.0\\.151 +scanned +" + port + "/tcp ssh"));
    assertThat(waited.out()).contains("Total: 2 target hosts, 1 scanned, 1 not scanned,"
        + " 1 open port.");
  }

  @Test
  void launchWaitSummaryExplainsSkippedHost() {
    assertThat(waited.outLines()).anySatisfy(line -> assertThat(line)
        .matches("127\\.0\\.0\\.152 +not scanned: blocked +-"));
    assertThat(waited.outLines()).contains("Hint: the scan blocked " + OUTSIDE_IP + ". A host is"
        + " blocked when the subscription lacks it, or when the server may not scan it"
        + " (--scan-allow, --scan-deny). This shows which:");
    assertThat(waited.outLines())
        .contains("  vigil scan summary --explain --category blocked --scan " + waitedRef);
    assertThat(waited.outLines())
        .contains("If it is missing from the subscription, add it with:");
    assertThat(waited.outLines()).contains("  vigil asset add-ip " + OUTSIDE_IP);
    assertThat(waited.out())
        .contains("/api/2.0/fo/asset/ip/?action=add&ips=" + OUTSIDE_IP + "&enable_vm=1");
  }

  @Test
  void launchWaitPrintsProgressLinePerChange() {
    assertThat(waited.out()).doesNotContain("\r");
    assertThat(waited.outLines())
        .anySatisfy(line -> assertThat(line).startsWith(waitedRef + "  Finished")
            .endsWith(": 2 of 2 hosts done, 1 open port found"));
    assertThat(waited.outLines().stream().filter(line -> line.startsWith(waitedRef + "  ")))
        .doesNotHaveDuplicates();
  }

  @Test
  void launchWaitOnTerminalRedrawsOneLine() {
    CommandRunner.Result result = new RemoteCommandRunner(
        Map.of("VIGIL_PASSWORD", TestServer.ADMIN_PASSWORD)).terminal(true)
        .run("scan", "launch", "--url", url(), "--ip", SCANNED_IP, "--option-title", PROFILE,
            "--wait");

    assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
    String ref = result.out().substring(0, result.out().indexOf('\n'));
    String progress = result.out().substring(ref.length() + 1, result.out().indexOf("\n\n"));
    assertThat(progress).startsWith("\r" + ref + "  ");
    assertThat(progress).doesNotContain("\n");
    assertThat(progress.substring(progress.lastIndexOf('\r') + 1).stripTrailing())
        .startsWith(ref + "  Finished")
        .endsWith(": 1 of 1 hosts done, 1 open port found");
    assertThat(result.out()).contains("Total: 1 target hosts, 1 scanned, 0 not scanned");
  }

  @Test
  void launchWaitOnCancelledScanExitsOne() throws Exception {
    CompletableFuture<String> cancelled =
        CompletableFuture.supplyAsync(() -> cancelWhenListed("to cancel"));

    CommandRunner.Result result = vigil.run("scan", "launch", "--url", url(), "--ip", SILENT_IP,
        "--option-title", SLOW_PROFILE, "--title", "to cancel", "--wait");

    String ref = result.outLines().get(0);
    assertThat(cancelled.get()).isEqualTo(ref);
    assertThat(result.exitCode()).as(result.out()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("vigil: scan " + ref + " ended in state Canceled.\n");
    assertThat(result.outLines()).anySatisfy(line -> assertThat(line)
        .matches("127\\.0\\.0\\.153 +not scanned: scan cancelled +-"));
  }

  /**
   * Cancels the first Queued or Running scan with this title through the API, and returns its
   * reference, or "" when no such scan appeared within two minutes.
   */
  static String cancelWhenListed(String title) {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      ApiReply list = server.admin().get(
          "/api/2.0/fo/scan/?action=list&state=Queued,Running");
      String ref = list.xpath("//SCAN[TITLE='" + title + "']/REF");
      if (!ref.isEmpty()) {
        ApiReply cancel = server.admin().post("/api/2.0/fo/scan/",
            Forms.encode("action", "cancel", "scan_ref", ref));
        assertThat(cancel.status()).as(cancel.text()).isEqualTo(200);
        return ref;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return "";
      }
    }
    return "";
  }

  @Test
  void launchWithoutWaitPrintsOnlyReference() {
    CommandRunner.Result result = vigil.run("scan", "launch", "--url", url(), "--ip", SCANNED_IP,
        "--option-title", PROFILE, "--title", "no wait");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines()).hasSize(1);
    assertThat(result.outLines().get(0)).matches("scan/[0-9]{10}\\.[0-9]{5}");
  }

  @Test
  void launchWithUnknownProfilePrintsApiError() {
    CommandRunner.Result result = vigil.run("scan", "launch", "--url", url(), "--ip", SCANNED_IP,
        "--option-title", "No such profile");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("vigil: parameter option_title has invalid value:"
        + " No such profile (no option profile has this title) (code 1905)\n");
  }

  @Test
  void launchWithoutTargetIsRejected() {
    CommandRunner.Result result = vigil.run("scan", "launch", "--url", url());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("vigil: Missing target: pass --ip or --asset-group-ids.\n");
  }

  @Test
  void listShowsWaitedScan() {
    CommandRunner.Result result = vigil.run("scan", "list", "--url", url(), "--days", "1");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines().get(0))
        .matches("REF +TITLE +STATE +LAUNCHED +DURATION +TARGET");
    assertThat(result.outLines()).anySatisfy(line -> assertThat(line)
        .startsWith(waitedRef + "  CLI wait")
        .contains("  Finished")
        .endsWith("  " + SCANNED_IP + "," + OUTSIDE_IP));
  }

  @Test
  void listFiltersByState() {
    CommandRunner.Result result = vigil.run("scan", "list", "--url", url(), "--state", "Error");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("No scans match.\n");
  }

  @Test
  void listReadsPasswordFromStdin() {
    RemoteCommandRunner noEnvironment = new RemoteCommandRunner(Map.of());

    CommandRunner.Result result = noEnvironment.runWithInput(TestServer.ADMIN_PASSWORD + "\n",
        "scan", "list", "--url", url(), "--password-stdin");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains(waitedRef);
  }

  @Test
  void showPrintsHeaderHostsAndFindings() {
    CommandRunner.Result result = vigil.run("scan", "show", waitedRef, "--url", url());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines()).contains("Reference:       " + waitedRef);
    assertThat(result.outLines()).contains("Title:           CLI wait");
    assertThat(result.outLines()).contains("Option profile:  " + PROFILE);
    assertThat(result.outLines()).contains("Active hosts:    1 of 2");
    assertThat(result.outLines()).anySatisfy(line -> assertThat(line)
        .startsWith("Status:          Finished"));
    assertThat(result.outLines()).anySatisfy(line -> assertThat(line)
        .matches("127\\.0\\.0\\.151 +scanned +" + port + "/tcp ssh"));
    assertThat(result.outLines()).anySatisfy(line -> assertThat(line)
        .matches("127\\.0\\.0\\.151 +- +82023 +Open TCP Services List +" + port + "/tcp ssh"));
    assertThat(result.outLines()).anySatisfy(line -> assertThat(line)
        .matches("127\\.0\\.0\\.151 +" + port + " +38050 +SSH Banner +SSH-2\\.0-OpenSSH_9\\.2p1"
            + " Debian-2"));
  }

  @Test
  void showUnknownReferenceIsOneLineError() {
    CommandRunner.Result result = vigil.run("scan", "show", "scan/1000000000.99999", "--url",
        url());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("vigil: No scan has the reference scan/1000000000.99999;"
        + " 'vigil scan list' shows the recent ones.\n");
  }

  @Test
  void badPasswordIsOneLineError() {
    RemoteCommandRunner wrong = new RemoteCommandRunner(Map.of("VIGIL_PASSWORD", "wrong-pass"));

    CommandRunner.Result result = wrong.run("scan", "list", "--url", url());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("vigil: Bad Login/Password (code 2000)\n");
  }

  @Test
  void missingPasswordIsOneLineError() {
    CommandRunner.Result result = new RemoteCommandRunner(Map.of())
        .run("scan", "list", "--url", url());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("vigil: Missing password: set VIGIL_PASSWORD or pass --password-stdin.\n");
  }

  @Test
  void stoppedServerIsOneLineError() throws Exception {
    String stopped = "http://127.0.0.1:" + SshListener.freePort();

    CommandRunner.Result result = vigil.run("scan", "list", "--url", stopped);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.out()).isEmpty();
    assertThat(result.err()).isEqualTo("vigil: Cannot connect to Vigil at " + stopped
        + ": connection refused. Start the server or set --url or VIGIL_URL.\n");
  }

  @Test
  void urlFromEnvironmentIsUsed() {
    RemoteCommandRunner fromEnvironment = new RemoteCommandRunner(
        Map.of("VIGIL_PASSWORD", TestServer.ADMIN_PASSWORD, "VIGIL_URL", url() + "/"));

    CommandRunner.Result result = fromEnvironment.run("scan", "list");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains(waitedRef);
  }

  @Test
  void invalidUrlIsRejected() {
    CommandRunner.Result result = vigil.run("scan", "list", "--url", "ftp://127.0.0.1:21");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("vigil: Invalid server URL 'ftp://127.0.0.1:21': use"
        + " http://HOST:PORT or https://HOST:PORT.\n");
  }

  @Test
  void summaryListsSkippedHostPerScan() {
    CommandRunner.Result result =
        vigil.run("scan", "summary", "--url", url(), "--scan", waitedRef);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines().get(0)).matches("SCAN +DATE +CATEGORY +TRACKING +HOSTS");
    assertThat(result.outLines()).hasSize(2);
    assertThat(result.outLines().get(1)).matches(waitedRef.replace(".", "\\.")
        + " +[0-9T:Z-]{20} +blocked +IP +127\\.0\\.0\\.152");
  }

  @Test
  void summaryExplainPrintsEvidence() {
    CommandRunner.Result result = vigil.run("scan", "summary", "--url", url(), "--scan",
        waitedRef, "--category", "blocked,dead", "--explain");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines()).containsExactly(
        "SCAN                   CATEGORY  TRACKING  HOST         EVIDENCE",
        waitedRef + "  blocked   IP        127.0.0.152  not among the subscription's IPs");
  }

  @Test
  void summaryRejectsUnknownCategory() {
    CommandRunner.Result result =
        vigil.run("scan", "summary", "--url", url(), "--category", "lost");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("vigil: Invalid category lost: use one of notvuln,"
        + " cancelled, dead, excluded, unresolved, duplicate, aborted, blocked.\n");
  }

  @Test
  void summaryPassesApiErrorOn() {
    CommandRunner.Result result =
        vigil.run("scan", "summary", "--url", url(), "--tracking", "LAN");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("vigil: parameter tracking_method has invalid value: LAN");
    assertThat(result.err()).endsWith("(code 1905)\n");
  }

  @Test
  void summaryRejectsFutureDay() {
    CommandRunner.Result result =
        vigil.run("scan", "summary", "--url", url(), "--to", "2999-01-01");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("vigil: Invalid --to 2999-01-01: it is after today, "
        + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + " UTC.\n");
  }

  @Test
  void summaryRejectsToBeforeScanDay() {
    String launchDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();

    CommandRunner.Result result = vigil.run("scan", "summary", "--url", url(), "--scan",
        waitedRef, "--to", "2020-01-01");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("vigil: Invalid date range: --to 2020-01-01 is before the"
        + " start, " + launchDay + " (the launch day of --scan).\n");
  }

  @Test
  void summaryOfUnknownScanIsError() {
    CommandRunner.Result result =
        vigil.run("scan", "summary", "--url", url(), "--scan", "scan/1.00009");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("vigil: No scan has the reference scan/1.00009; 'vigil"
        + " scan list' shows the recent ones.\n");
  }

  @Test
  void summaryCategoryIgnoresCase() {
    CommandRunner.Result result = vigil.run("scan", "summary", "--url", url(), "--scan",
        waitedRef, "--category", "BLOCKED");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outLines()).hasSize(2);
    assertThat(result.outLines().get(1)).contains(" blocked ");
  }

  @Test
  void summaryToAloneSetsSinceBeforeIt() {
    String sixtyDaysAgo = java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(60)
        .toString();

    CommandRunner.Result result = vigil.run("scan", "summary", "--url", url(), "--to",
        sixtyDaysAgo);

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .isEqualTo("No host was left unscanned in the selected scans and categories.\n");
  }

  @Test
  void summaryWithoutSkippedHostSaysSo() {
    CommandRunner.Result result = vigil.run("scan", "summary", "--url", url(), "--scan",
        waitedRef, "--category", "dead");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("Scan " + waitedRef + " has no host that was not scanned"
        + " in the selected categories.\n");
  }
}
