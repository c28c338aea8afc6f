package io.vigil.http;

import io.vigil.net.IpRange;
import io.vigil.testing.TestServer;
import java.time.Instant;

/**
 * Scans and hosts not scanned written straight into the database, for scan summary tests that
 * need addresses a test cannot scan, such as 10.10.10.10, or dates in the past.
 */
final class ScanSummaryData {
  /** Base URL of the scan summary resource. */
  static final String SUMMARY = "/api/2.0/fo/scan/summary/";

  private final TestServer server;

  ScanSummaryData(TestServer server) {
    this.server = server;
  }

  /** Inserts a Finished scan of the default subscription and returns its id. */
  long scan(String ref, String launchedAt) {
    long subscription = server.server().accounts().defaultSubscription().id();
    return server.server().database().jdbi().withHandle(handle -> handle
        .createUpdate("INSERT INTO scan (subscription_id, ref, title, type, user_login,"
            + " option_profile_id, priority, target, state, processed, launched_at, total_hosts)"
            + " VALUES (:sub, :ref, 'summary data', 'API', 'admin', (SELECT MIN(id) FROM"
            + " option_profile WHERE subscription_id IS NULL), 0, '', 'Finished', TRUE,"
            + " :launched, 0)")
        .bind("sub", subscription)
        .bind("ref", ref)
        .bind("launched", Instant.parse(launchedAt))
        .executeAndReturnGeneratedKeys("id")
        .mapTo(Long.class)
        .one());
  }

  /**
   * Inserts a host not scanned.
   *
   * @param ip the dotted address, or null for a host name that did not resolve
   * @param reason the stored reason, such as "not_vulnerable" or "dead"
   */
  ScanSummaryData host(long scanId, String ip, String name, String reason, String tracking) {
    server.server().database().jdbi().useHandle(handle -> handle
        .createUpdate("INSERT INTO scan_host_not_scanned (scan_id, ip, host_name, reason,"
            + " tracking_method) VALUES (:scan, :ip, :name, :reason, :tracking)")
        .bind("scan", scanId)
        .bind("ip", ip == null ? null : IpRange.toNumber(ip))
        .bind("name", name)
        .bind("reason", reason)
        .bind("tracking", tracking)
        .execute());
    return this;
  }

  /**
   * Inserts the hosts of the scan in Qualys' published sample, in an order unlike the output,
   * so that the output order comes from the server.
   */
  void sampleHosts(long scanId) {
    String domain = ".caac125.qualys.com";
    host(scanId, "10.10.10.31", "gfi-31-15", "duplicate", "NETBIOS");
    host(scanId, "10.10.10.27", "gfi-31-14" + domain, "duplicate", "IP");
    host(scanId, "10.10.10.32", "gfi-31-14" + domain, "duplicate", "DNS");
    host(scanId, null, "gfi-31-12" + domain, "unresolved", "DNS");
    host(scanId, "10.10.10.33", "gfi-31-13", "unresolved", "NETBIOS");
    host(scanId, "10.10.10.26", null, "excluded", "IP");
    host(scanId, "10.10.10.35", "gfi-31-11", "dead", "NETBIOS");
    host(scanId, "10.10.10.34", "gfi-31-10", "dead", "NETBIOS");
    host(scanId, "10.10.10.36", "gfi-31-9" + domain, "dead", "DNS");
    host(scanId, "10.10.10.25", null, "dead", "IP");
    host(scanId, "10.10.10.40", "gfi-31-8", "cancelled", "NETBIOS");
    host(scanId, "10.10.10.41", "gfi-31-7", "cancelled", "NETBIOS");
    host(scanId, "10.10.10.42", "gfi-31-6" + domain, "cancelled", "DNS");
    host(scanId, "10.10.10.43", "gfi-31-5" + domain, "cancelled", "DNS");
    host(scanId, "10.10.10.22", null, "cancelled", "IP");
    host(scanId, "10.10.10.20", null, "cancelled", "IP");
    host(scanId, "10.10.10.51", "gfi-31-4", "not_vulnerable", "NETBIOS");
    host(scanId, "10.10.10.50", "gfi-31-3", "not_vulnerable", "NETBIOS");
    host(scanId, "10.10.10.53", "gfi-31-2" + domain, "not_vulnerable", "DNS");
    host(scanId, "10.10.10.52", "gfi-31-1" + domain, "not_vulnerable", "DNS");
    host(scanId, "10.10.10.17", null, "not_vulnerable", "IP");
    for (int last = 15; last >= 10; last--) {
      host(scanId, "10.10.10." + last, null, "not_vulnerable", "IP");
    }
  }
}
