package io.vigil.scan;

import io.vigil.asset.TrackingMethod;
import io.vigil.scan.ScanState.SubState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongFunction;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Storage of the target hosts of scans: which are pending or done, each host's findings, and
 * the hosts not scanned with their reasons.
 */
final class ScanHostStore {
  private final Jdbi jdbi;

  ScanHostStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** Returns up to {@code limit} hosts still to scan, ascending. */
  List<Long> pendingHosts(long scanId, int limit) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT ip FROM scan_host WHERE scan_id = :id AND status = 'pending'"
                        + " ORDER BY ip LIMIT :limit")
                .bind("id", scanId)
                .bind("limit", limit)
                .mapTo(Long.class)
                .list());
  }

  /**
   * Stores one host's outcome and marks it done in one transaction. Returns false, storing
   * nothing, when the host was no longer pending (already stored, or the scan was cancelled).
   */
  boolean commitHost(long scanId, long ip, HostScanResult result, TrackingMethod tracking,
      String listedName, Instant now) {
    return jdbi.inTransaction(
        handle -> {
          int updated =
              handle
                  .createUpdate(
                      "UPDATE scan_host SET status = 'done', alive = :alive, finished_at = :now"
                          + " WHERE scan_id = :id AND ip = :ip AND status = 'pending'")
                  .bind("alive", countsAsAlive(result))
                  .bind("now", now)
                  .bind("id", scanId)
                  .bind("ip", ip)
                  .execute();
          if (updated == 0) {
            return false;
          }
          if (!result.scanned()) {
            ScanStore.insertNotScanned(handle, scanId,
                List.of(new NotScannedHost(ip, listedName, result.notScanned(), tracking,
                    result.evidence())));
            return true;
          }
          PreparedBatch findings =
              handle.prepareBatch(
                  "INSERT INTO scan_finding (scan_id, ip, seq, qid, type, severity, port,"
                      + " protocol, ssl, results) VALUES (:id, :ip, :seq, :qid, :type, :sev,"
                      + " :port, :protocol, :ssl, :results)");
          int seq = 0;
          for (Finding finding : result.findings()) {
            findings
                .bind("id", scanId)
                .bind("ip", ip)
                .bind("seq", seq++)
                .bind("qid", finding.qid().qid())
                .bind("type", finding.qid().type().label())
                .bind("sev", finding.qid().severity())
                .bind("port", finding.port())
                .bind("protocol", finding.protocol())
                .bind("ssl", finding.ssl())
                .bind("results", finding.results())
                .add();
          }
          ScanStore.execute(findings);
          return true;
        });
  }

  /**
   * Returns whether the host counts toward the scan's active hosts: it was scanned and replied,
   * or it replied and had no open port to scan (not vulnerable).
   */
  private static boolean countsAsAlive(HostScanResult result) {
    boolean scannedOrNotVulnerable =
        result.scanned() || result.notScanned() == NotScannedReason.NOT_VULNERABLE;
    return scannedOrNotVulnerable && result.discovery().alive();
  }

  /**
   * Moves every pending host of a cancelled scan to 'cancelled' and records it as not scanned,
   * in one transaction.
   *
   * @param cancelled returns the record of a pending host's address
   */
  int cancelPendingHosts(long scanId, LongFunction<NotScannedHost> cancelled) {
    return jdbi.inTransaction(
        handle -> {
          List<Long> pending =
              handle
                  .createQuery(
                      "SELECT ip FROM scan_host WHERE scan_id = :id AND status = 'pending'"
                          + " ORDER BY ip")
                  .bind("id", scanId)
                  .mapTo(Long.class)
                  .list();
          handle
              .createUpdate(
                  "UPDATE scan_host SET status = 'cancelled'"
                      + " WHERE scan_id = :id AND status = 'pending'")
              .bind("id", scanId)
              .execute();
          List<NotScannedHost> hosts = new ArrayList<>();
          for (long ip : pending) {
            hosts.add(cancelled.apply(ip));
          }
          ScanStore.insertNotScanned(handle, scanId, hosts);
          return pending.size();
        });
  }

  /** Records the scan's final counts and state, when it is still Running. */
  boolean finish(long scanId, Instant now) {
    return jdbi.inTransaction(
        handle -> {
          int alive =
              handle
                  .createQuery(
                      "SELECT COUNT(*) FROM scan_host WHERE scan_id = :id AND alive = TRUE")
                  .bind("id", scanId)
                  .mapTo(Integer.class)
                  .one();
          int vulns =
              handle
                  .createQuery(
                      "SELECT COUNT(*) FROM scan_finding WHERE scan_id = :id"
                          + " AND type IN ('Vuln', 'Practice')")
                  .bind("id", scanId)
                  .mapTo(Integer.class)
                  .one();
          SubState subState = alive == 0 ? SubState.NO_HOST
              : vulns == 0 ? SubState.NO_VULN : null;
          return handle
                  .createUpdate(
                      "UPDATE scan SET state = 'Finished', sub_state = :sub, processed = TRUE,"
                          + " ended_at = :now, active_hosts = :alive"
                          + " WHERE id = :id AND state = 'Running'")
                  .bind("sub", subState == null ? null : subState.apiName())
                  .bind("now", now)
                  .bind("alive", alive)
                  .bind("id", scanId)
                  .execute()
              > 0;
        });
  }

  /** Counts the alive hosts so far, for the results header of a scan that has not finished. */
  int aliveHosts(long scanId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT COUNT(*) FROM scan_host WHERE scan_id = :id AND alive = TRUE")
                .bind("id", scanId)
                .mapTo(Integer.class)
                .one());
  }

  /**
   * Counts the hosts still pending and the open ports found so far. Each row of an Open TCP
   * Services List (QID 82023) result is one open port after a header line, so the newlines of
   * those results count the ports without reading them into memory.
   */
  ScanProgress progress(long scanId, int totalHosts) {
    return jdbi.withHandle(
        handle -> {
          int pending =
              handle
                  .createQuery(
                      "SELECT COUNT(*) FROM scan_host WHERE scan_id = :id AND status = 'pending'")
                  .bind("id", scanId)
                  .mapTo(Integer.class)
                  .one();
          long openPorts =
              handle
                  .createQuery(
                      "SELECT COALESCE(SUM(LENGTH(results) - LENGTH(REPLACE(results, :newline,"
                          + " ''))), 0) FROM scan_finding WHERE scan_id = :id AND qid = :qid")
                  .bind("newline", "\n")
                  .bind("id", scanId)
                  .bind("qid", ScanQid.OPEN_TCP_SERVICES.qid())
                  .mapTo(Long.class)
                  .one();
          return new ScanProgress(totalHosts - pending, totalHosts, openPorts);
        });
  }

  /** Returns the hosts of a scan that have no results, in address order, names last. */
  List<NotScannedHost> notScanned(long scanId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT ip, host_name, reason, tracking_method, evidence"
                        + " FROM scan_host_not_scanned"
                        + " WHERE scan_id = :id ORDER BY ip NULLS LAST, host_name, id")
                .bind("id", scanId)
                .map((rs, ctx) -> mapNotScanned(rs))
                .list());
  }

  private static NotScannedHost mapNotScanned(ResultSet rs) throws SQLException {
    long ip = rs.getLong("ip");
    Long address = rs.wasNull() ? null : ip;
    NotScannedReason reason = null;
    for (NotScannedReason candidate : NotScannedReason.values()) {
      if (candidate.category().equals(rs.getString("reason"))) {
        reason = candidate;
      }
    }
    return new NotScannedHost(address, rs.getString("host_name"), reason,
        TrackingMethod.valueOf(rs.getString("tracking_method")), rs.getString("evidence"));
  }

}
