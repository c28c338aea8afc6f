package io.vigil.http;

import static io.vigil.http.ScanTargetFixture.SCAN;
import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.form;
import static io.vigil.http.ScanTargetFixture.launch;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.ApiLimits;
import io.vigil.account.Client;
import io.vigil.account.Role;
import io.vigil.account.SubscriptionType;
import io.vigil.net.IpRange;
import io.vigil.testing.ApiReply;
import io.vigil.testing.FixedAssetScope;
import io.vigil.testing.TestServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Launch and list of /api/2.0/fo/scan/ through a real server scanning loopback listeners. */
class ScanLaunchApiTest {
  static ScanTargetFixture targets;
  static TestServer server;
  static String profileId;

  @BeforeAll
  static void start() throws Exception {
    targets = new ScanTargetFixture()
        .ssh("127.0.0.21", "SSH-2.0-OpenSSH_9.2p1 Debian-2")
        .ssh("127.0.0.22", "SSH-2.0-OpenSSH_8.0")
        .ssh("127.0.0.23", "SSH-2.0-OpenSSH_7.4");
    FixedAssetScope scope = new FixedAssetScope()
        .scannable("127.0.0.0-127.0.0.255")
        .exclude("127.0.0.23")
        .trackByDns("127.0.1.5")
        .group(7, "Loopback Group", "127.0.0.21-127.0.0.22");
    server = TestServer.builder().assetScope(scope).start();
    server.addUser("reader1", Role.READER);
    profileId = Long.toString(targets.createProfile(server, "Loopback", 500, 4));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    targets.close();
  }

  @Test
  void launchReturnsIdAndReference() {
    ApiReply reply = server.admin().post(SCAN, form("action", "launch", "scan_title", "ref",
        "option_id", profileId, "ip", "127.0.0.21"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.responseText()).isEqualTo("New vm scan launched");
    assertThat(reply.xpath("//ITEM[1]/KEY")).isEqualTo("ID");
    assertThat(reply.xpath("//ITEM[1]/VALUE")).matches("[0-9]+");
    assertThat(reply.xpath("//ITEM[2]/KEY")).isEqualTo("REFERENCE");
    assertThat(reply.xpath("//ITEM[2]/VALUE")).matches("scan/[0-9]{10}\\.[0-9]{5}");
  }

  @Test
  void scanRunsToFinishedAndListsItsFields() throws Exception {
    String ref = launch(server, "scan_title", "Loopback <scan> & co", "option_title", "Loopback",
        "ip", "127.0.0.21-127.0.0.22", "priority", "5");

    ApiReply reply = awaitState(server, ref, "Finished");

    assertThat(reply.xpath("//SCAN/REF")).isEqualTo(ref);
    assertThat(reply.xpath("//SCAN/TYPE")).isEqualTo("API");
    assertThat(reply.xpath("//SCAN/TITLE")).isEqualTo("Loopback <scan> & co");
    assertThat(reply.xpath("//SCAN/USER_LOGIN")).isEqualTo("admin");
    assertThat(reply.xpath("//SCAN/LAUNCH_DATETIME"))
        .matches("[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z");
    assertThat(reply.xpath("//SCAN/DURATION")).matches("[0-9]{2}:[0-9]{2}:[0-9]{2}");
    assertThat(reply.xpath("//SCAN/PROCESSING_PRIORITY")).isEqualTo("5 - High");
    assertThat(reply.xpath("//SCAN/PROCESSED")).isEqualTo("1");
    assertThat(reply.xpath("//SCAN/STATUS/SUB_STATE")).isEqualTo("No_Vuln");
    assertThat(reply.xpath("//SCAN/TARGET")).isEqualTo("127.0.0.21-127.0.0.22");
    assertThat(reply.xpath("//SCAN/OPTION_PROFILE/TITLE")).isEqualTo("Loopback");
    assertThat(reply.xpath("//SCAN/OPTION_PROFILE/DEFAULT_FLAG")).isEqualTo("0");
    assertThat(reply.count("//SCAN/CLIENT")).isZero();
    assertThat(findingCount(ref, "127.0.0.21", 38050)).isEqualTo(1);
    assertThat(findingCount(ref, "127.0.0.22", 38050)).isEqualTo(1);
  }

  @Test
  void assetGroupTargetShowsGroupTitles() throws Exception {
    String ref = launch(server, "scan_title", "group", "option_id", profileId,
        "asset_groups", "Loopback Group");

    ApiReply reply = awaitState(server, ref, "Finished");

    assertThat(reply.xpath("//SCAN/TARGET")).isEqualTo("127.0.0.21-127.0.0.22");
    assertThat(reply.xpath("//SCAN/ASSET_GROUP_TITLE_LIST/ASSET_GROUP_TITLE"))
        .isEqualTo("Loopback Group");
  }

  @Test
  void exclusionsAndOutOfScopeHostsAreRecorded() throws Exception {
    String ref = launch(server, "scan_title", "skips", "option_id", profileId,
        "ip", "127.0.0.21-127.0.0.24, 127.0.1.5", "exclude_ip_per_scan", "127.0.0.24",
        "fqdn", "host.example.test");

    awaitState(server, ref, "Finished");

    Map<String, String> reasons = notScanned(ref);
    assertThat(reasons).containsEntry("127.0.0.23", "excluded IP");
    assertThat(reasons).containsEntry("127.0.0.24", "excluded IP");
    assertThat(reasons).containsEntry("127.0.1.5", "blocked DNS");
    assertThat(reasons).containsEntry("host.example.test", "unresolved DNS");
    assertThat(reasons).hasSize(4);
    assertThat(targets.connections("127.0.0.23")).isZero();
    assertThat(findingCount(ref, "127.0.0.21", 38050)).isEqualTo(1);
  }

  @Test
  void listWithoutScansHasOnlyDatetime() {
    ApiReply reply = server.admin().get(SCAN + "?action=list&state=Loading");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.xpath("/SCAN_LIST_OUTPUT/RESPONSE/DATETIME")).isNotEmpty();
    assertThat(reply.count("//SCAN_LIST")).isZero();
  }

  @Test
  void listFiltersByTargetUserAndDates() throws Exception {
    String ref = launch(server, "scan_title", "filters", "option_id", profileId,
        "ip", "127.0.0.22");
    awaitState(server, ref, "Finished");

    assertThat(refs("target=127.0.0.22")).contains(ref);
    assertThat(refs("target=127.0.0.99")).doesNotContain(ref);
    assertThat(refs("user_login=admin")).contains(ref);
    assertThat(refs("user_login=reader1")).isEmpty();
    assertThat(refs("state=Finished&processed=1&type=API")).contains(ref);
    assertThat(refs("state=Running,Queued")).doesNotContain(ref);
    assertThat(refs("launched_after_datetime=2999-01-01")).isEmpty();
    assertThat(refs("launched_before_datetime=2999-01-01")).contains(ref);
    assertThat(refs("launched_before_datetime=2000-01-01")).isEmpty();
  }

  @Test
  void readerListsButCannotLaunch() {
    ApiReply launch = server.as("reader1").post(SCAN, form("action", "launch",
        "option_id", profileId, "ip", "127.0.0.21"));
    ApiReply list = server.as("reader1").get(SCAN + "?action=list");

    assertThat(launch.code()).isEqualTo("2012");
    assertThat(list.status()).isEqualTo(200);
  }

  @Test
  void launchRejectsInvalidParameters() {
    assertThat(launchError("ip", "127.0.0.21")).contains("1922");
    assertThat(launchError("option_id", profileId)).contains("1922");
    assertThat(launchError("option_id", profileId, "option_title", "Loopback", "ip", "127.0.0.1"))
        .contains("1904");
    assertThat(launchError("option_id", "999999", "ip", "127.0.0.21")).contains("1905");
    assertThat(launchError("option_id", profileId, "ip", "127.0.0.300")).contains("1905");
    assertThat(launchError("option_id", profileId, "ip", "127.0.0.1", "priority", "10"))
        .contains("1905");
    assertThat(launchError("option_id", profileId, "asset_groups", "No Such Group"))
        .contains("1905");
    assertThat(launchError("option_id", profileId, "ip", "127.0.0.1", "client_id", "1"))
        .contains("1901");
    assertThat(launchError("option_id", profileId, "ip", "10.0.0.0-10.255.255.255"))
        .contains("1905").contains("at most 65536");
    assertThat(launchError("option_id", profileId, "fqdn", "web.test,a\"b.test"))
        .isEqualTo("1905 parameter fqdn has invalid value: web.test,a\"b.test (not a host name:"
            + " a\"b.test)");
    assertThat(launchError("option_id", profileId, "fqdn", "]]>h.test")).startsWith("1905");
    assertThat(launchError("option_id", profileId, "fqdn", "-lead.test")).startsWith("1905");
  }

  @Test
  void fqdnAcceptsHostNames() {
    ApiReply reply = server.admin().post(SCAN, form("action", "launch", "option_id", profileId,
        "fqdn", "web1.lab.test, WIN7_X64, absolute.lab.test."));

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
  }

  @Test
  void consultantScanShowsClientBlock() throws Exception {
    try (TestServer consultant = TestServer.builder()
        .assetScope(FixedAssetScope.loopback()).start()) {
      long sub = consultant.server().accounts().defaultSubscription().id();
      consultant.server().accounts().updateSubscription(sub, SubscriptionType.CONSULTANT,
          ApiLimits.SELF_HOSTED);
      Client client = consultant.server().accounts().addClient(sub, "ABC Company");
      String profile = Long.toString(targets.createProfile(consultant, "Loopback", 500, 4));
      String ref = launch(consultant, "scan_title", "client", "option_id", profile,
          "ip", "127.0.0.21", "client_name", "ABC Company");

      ApiReply reply = awaitState(consultant, ref, "Finished");
      ApiReply filtered = consultant.admin().get(SCAN + "?action=list&client_id=" + client.id());

      assertThat(reply.xpath("//SCAN/CLIENT/ID")).isEqualTo(Long.toString(client.id()));
      assertThat(reply.xpath("//SCAN/CLIENT/NAME")).isEqualTo("ABC Company");
      assertThat(filtered.xpath("//SCAN/REF")).isEqualTo(ref);
      ApiReply results = consultant.admin().get(SCAN + "?action=fetch&output_format="
          + "json_extended&scan_ref=" + ref);
      assertThat(results.text()).contains("\"launch_date\":");
      assertThat(results.text()).contains("\"client\":\"ABC Company\",\"active_hosts\"");
      ApiReply csv = consultant.admin().get(SCAN + "?action=fetch&output_format="
          + "csv_extended&scan_ref=" + ref);
      assertThat(csv.text()).contains("\"Launch Date\",\"Client\",\"Active Hosts\"");
    }
  }

  private static String launchError(String... pairs) {
    String[] all = new String[pairs.length + 2];
    all[0] = "action";
    all[1] = "launch";
    System.arraycopy(pairs, 0, all, 2, pairs.length);
    ApiReply reply = server.admin().post(SCAN, form(all));
    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    return reply.code() + " " + reply.responseText();
  }

  private static List<String> refs(String query) {
    ApiReply reply = server.admin().get(SCAN + "?action=list&" + query);
    int count = reply.count("//SCAN");
    List<String> refs = new java.util.ArrayList<>();
    for (int i = 1; i <= count; i++) {
      refs.add(reply.xpath("(//SCAN/REF)[" + i + "]"));
    }
    return refs;
  }

  private static long scanId(String ref) {
    return server.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT id FROM scan WHERE ref = :ref").bind("ref", ref)
        .mapTo(Long.class).one());
  }

  static int findingCount(String ref, String ip, int qid) {
    return server.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT COUNT(*) FROM scan_finding WHERE scan_id = :id AND ip = :ip"
            + " AND qid = :qid")
        .bind("id", scanId(ref)).bind("ip", IpRange.toNumber(ip)).bind("qid", qid)
        .mapTo(Integer.class).one());
  }

  /** Returns "reason TRACKING" per address or host name of the scan's hosts not scanned. */
  private static Map<String, String> notScanned(String ref) {
    Map<String, String> reasons = new java.util.TreeMap<>();
    server.server().database().jdbi().useHandle(handle -> handle
        .createQuery("SELECT ip, host_name, reason, tracking_method FROM scan_host_not_scanned"
            + " WHERE scan_id = :id")
        .bind("id", scanId(ref))
        .map((rs, ctx) -> {
          long ip = rs.getLong("ip");
          String host = rs.wasNull() ? rs.getString("host_name") : IpRange.format(ip);
          return Map.entry(host, rs.getString("reason") + " " + rs.getString("tracking_method"));
        })
        .forEach(entry -> reasons.put(entry.getKey(), entry.getValue())));
    return reasons;
  }
}
