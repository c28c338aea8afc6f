package io.vigil.http;

import static io.vigil.http.ScanTargetFixture.awaitState;
import static io.vigil.http.ScanTargetFixture.launch;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.net.IpRange;
import io.vigil.testing.FixedAssetScope;
import io.vigil.testing.TestServer;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scans of host names resolved through the server's host names file, never through DNS. */
class ScanHostNamesApiTest {
  static ScanTargetFixture targets;
  static TestServer server;
  static String profileId;

  @BeforeAll
  static void start() throws Exception {
    targets = new ScanTargetFixture()
        .ssh("127.0.0.41", "SSH-2.0-OpenSSH_9.2p1 Debian-2")
        .ssh("127.0.0.42", "SSH-2.0-OpenSSH_9.2p1 Debian-2");
    FixedAssetScope scope = new FixedAssetScope()
        .scannable("127.0.0.0-127.0.0.255")
        .trackByDns("127.0.0.42");
    server = TestServer.builder()
        .assetScope(scope)
        .hostNames("# test names\n127.0.0.41 web41.vigil.test alias41.vigil.test\n")
        .start();
    profileId = Long.toString(targets.createProfile(server, "Names", 500, 4));
  }

  @AfterAll
  static void stop() throws Exception {
    server.close();
    targets.close();
  }

  @Test
  void namesResolveDuplicateAndFail() throws Exception {
    String ref = launch(server, "scan_title", "names", "option_id", profileId,
        "ip", "127.0.0.42", "fqdn", "web41.vigil.test,alias41.vigil.test,nowhere.vigil.test");

    awaitState(server, ref, "Finished");

    Map<String, String> reasons = notScanned(ref);
    assertThat(reasons).containsEntry("nowhere.vigil.test", "unresolved DNS");
    assertThat(reasons).containsEntry("alias41.vigil.test", "duplicate IP");
    assertThat(reasons).containsEntry("127.0.0.42", "unresolved DNS");
    assertThat(reasons).hasSize(3);
    assertThat(dnsFinding(ref, "127.0.0.41")).isEqualTo("IP address\tHost name\n"
        + "127.0.0.41\tweb41.vigil.test");
    assertThat(targets.connections("127.0.0.41")).isPositive();
  }

  private static long scanId(String ref) {
    return server.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT id FROM scan WHERE ref = :ref").bind("ref", ref)
        .mapTo(Long.class).one());
  }

  private static String dnsFinding(String ref, String ip) {
    return server.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT results FROM scan_finding WHERE scan_id = :id AND ip = :ip"
            + " AND qid = 6")
        .bind("id", scanId(ref)).bind("ip", IpRange.toNumber(ip))
        .mapTo(String.class).findOne().orElse(""));
  }

  /** Returns "reason TRACKING" by host name when the row has one, else by address. */
  private static Map<String, String> notScanned(String ref) {
    Map<String, String> reasons = new TreeMap<>();
    server.server().database().jdbi().useHandle(handle -> handle
        .createQuery("SELECT ip, host_name, reason, tracking_method FROM scan_host_not_scanned"
            + " WHERE scan_id = :id")
        .bind("id", scanId(ref))
        .map((rs, ctx) -> {
          long ip = rs.getLong("ip");
          boolean noIp = rs.wasNull();
          String name = rs.getString("host_name");
          String host = "";
          if (name != null) {
            host = name;
          } else if (!noIp) {
            host = IpRange.format(ip);
          }
          return Map.entry(host, rs.getString("reason") + " " + rs.getString("tracking_method"));
        })
        .forEach(entry -> reasons.put(entry.getKey(), entry.getValue())));
    return reasons;
  }
}
