package io.vigil.scan;

import io.vigil.net.IpRange;
import io.vigil.scan.ScanState.SubState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/** Storage of scans, their target hosts, findings and hosts not scanned. */
final class ScanStore {
  private static final String SELECT =
      "SELECT s.id, s.subscription_id, s.ref, s.title, s.type, s.user_login, s.client_id,"
          + " c.name AS client_name, s.option_profile_id, p.title AS profile_title,"
          + " p.is_default AS profile_default, s.priority, s.target, s.asset_groups,"
          + " s.excluded_ips, s.fqdn, s.scanner, s.state, s.sub_state, s.processed,"
          + " s.launched_at, s.started_at, s.ended_at, s.total_hosts, s.active_hosts"
          + " FROM scan s JOIN option_profile p ON p.id = s.option_profile_id"
          + " LEFT JOIN client c ON c.id = s.client_id";

  static final String PENDING = "pending";
  static final String DONE = "done";
  static final String CANCELLED = "cancelled";

  private final Jdbi jdbi;

  ScanStore(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  Jdbi jdbi() {
    return jdbi;
  }

  /** Values of a new scan row. */
  record NewScan(
      long subscriptionId,
      String title,
      String userLogin,
      Long clientId,
      long optionProfileId,
      int priority,
      String target,
      String assetGroups,
      String excludedIps,
      String fqdn,
      String scanner,
      Instant launchedAt,
      ScanTargets.Resolved targets) {}

  /** Inserts a scan with its hosts in one transaction and returns its id. */
  long insert(NewScan scan) {
    return jdbi.inTransaction(
        handle -> {
          int total = scan.targets().toScan().size() + scan.targets().notScanned().size();
          long id =
              handle
                  .createUpdate(
                      "INSERT INTO scan (subscription_id, ref, title, type, user_login,"
                          + " client_id, option_profile_id, priority, target, asset_groups,"
                          + " excluded_ips, fqdn, scanner, state, sub_state, processed,"
                          + " launched_at, total_hosts) VALUES (:sub, :ref, :title, 'API',"
                          + " :login, :client, :profile, :priority, :target, :groups,"
                          + " :excluded, :fqdn, :scanner, 'Queued', 'Launching', FALSE,"
                          + " :launched, :total)")
                  .bind("sub", scan.subscriptionId())
                  .bind("ref", "new/" + java.util.UUID.randomUUID())
                  .bind("title", scan.title())
                  .bind("login", scan.userLogin())
                  .bind("client", scan.clientId())
                  .bind("profile", scan.optionProfileId())
                  .bind("priority", scan.priority())
                  .bind("target", scan.target())
                  .bind("groups", scan.assetGroups())
                  .bind("excluded", scan.excludedIps())
                  .bind("fqdn", scan.fqdn())
                  .bind("scanner", scan.scanner())
                  .bind("launched", scan.launchedAt())
                  .bind("total", total)
                  .executeAndReturnGeneratedKeys("id")
                  .mapTo(Long.class)
                  .one();
          String ref =
              String.format("scan/%d.%05d", scan.launchedAt().getEpochSecond(), id % 100_000);
          handle
              .createUpdate("UPDATE scan SET ref = :ref WHERE id = :id")
              .bind("ref", ref)
              .bind("id", id)
              .execute();
          PreparedBatch ranges =
              handle.prepareBatch(
                  "INSERT INTO scan_target_range (scan_id, first_ip, last_ip)"
                      + " VALUES (:id, :first, :last)");
          for (IpRange range : scan.targets().targetRanges()) {
            ranges.bind("id", id).bind("first", range.first()).bind("last", range.last()).add();
          }
          execute(ranges);
          PreparedBatch hosts =
              handle.prepareBatch(
                  "INSERT INTO scan_host (scan_id, ip, status) VALUES (:id, :ip, 'pending')");
          for (long ip : scan.targets().toScan()) {
            hosts.bind("id", id).bind("ip", ip).add();
          }
          execute(hosts);
          insertNotScanned(handle, id, scan.targets().notScanned());
          return id;
        });
  }

  static void execute(PreparedBatch batch) {
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  static void insertNotScanned(Handle handle, long scanId, List<NotScannedHost> hosts) {
    PreparedBatch batch =
        handle.prepareBatch(
            "INSERT INTO scan_host_not_scanned (scan_id, ip, host_name, reason, tracking_method,"
                + " evidence) VALUES (:id, :ip, :name, :reason, :tracking, :evidence)");
    for (NotScannedHost host : hosts) {
      batch
          .bind("id", scanId)
          .bind("ip", host.ip())
          .bind("name", host.hostName())
          .bind("reason", host.reason().category())
          .bind("tracking", host.trackingMethod().name())
          .bind("evidence", fitEvidence(host.evidence()))
          .add();
    }
    execute(batch);
  }

  /** Cuts evidence to the column's 2,000 characters, marking the cut with "...". */
  private static String fitEvidence(String evidence) {
    int max = 2000;
    return evidence == null || evidence.length() <= max
        ? evidence : evidence.substring(0, max - 3) + "...";
  }

  Optional<Scan> findById(long id) {
    return jdbi.withHandle(
        handle ->
            handle.createQuery(SELECT + " WHERE s.id = :id").bind("id", id)
                .map((rs, ctx) -> map(rs)).findOne());
  }

  Optional<Scan> findByRef(long subscriptionId, String ref) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(SELECT + " WHERE s.subscription_id = :sub AND s.ref = :ref")
                .bind("sub", subscriptionId)
                .bind("ref", ref)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  /** Returns the scans matching a query, the most recent launch first. */
  List<Scan> list(long subscriptionId, ScanListQuery query) {
    StringBuilder sql = new StringBuilder(SELECT).append(" WHERE s.subscription_id = :sub");
    Map<String, Object> binds = new LinkedHashMap<>();
    binds.put("sub", subscriptionId);
    filter(sql, binds, " AND s.ref = :ref", "ref", query.ref());
    filter(sql, binds, " AND s.processed = :processed", "processed", query.processed());
    filter(sql, binds, " AND s.type = :type", "type", query.type());
    filter(sql, binds, " AND s.user_login = :login", "login", query.userLogin());
    filter(sql, binds, " AND s.launched_at >= :after", "after", query.launchedAfter());
    filter(sql, binds, " AND s.launched_at <= :before", "before", query.launchedBefore());
    filter(sql, binds, " AND s.client_id = :client", "client", query.clientId());
    boolean byState = query.states() != null && !query.states().isEmpty();
    if (byState) {
      sql.append(" AND s.state IN (<states>)");
    }
    if (query.targets() != null && !query.targets().isEmpty()) {
      sql.append(" AND EXISTS (SELECT 1 FROM scan_target_range r WHERE r.scan_id = s.id AND (");
      for (int i = 0; i < query.targets().size(); i++) {
        sql.append(i == 0 ? "" : " OR ").append(":t").append(i)
            .append(" BETWEEN r.first_ip AND r.last_ip");
        binds.put("t" + i, query.targets().get(i));
      }
      sql.append("))");
    }
    sql.append(" ORDER BY s.launched_at DESC, s.id DESC");
    return jdbi.withHandle(
        handle -> {
          Query statement = handle.createQuery(sql.toString());
          binds.forEach(statement::bind);
          if (byState) {
            statement.bindList("states", query.states().stream().map(ScanState::apiName)
                .toList());
          }
          return statement.map((rs, ctx) -> map(rs)).list();
        });
  }

  private static void filter(
      StringBuilder sql, Map<String, Object> binds, String clause, String name, Object value) {
    if (value != null) {
      sql.append(clause);
      binds.put(name, value);
    }
  }

  /**
   * Sets the state when the scan is in one of {@code from}; returns false when it was not,
   * so concurrent requests cannot both win.
   */
  boolean transition(
      long id, List<ScanState> from, ScanState to, SubState subState, Instant endedAt) {
    return transition(id, from, false, to, subState, endedAt);
  }

  /** Like the other transition, and with {@code noSubState} only from a state without one. */
  boolean transition(long id, List<ScanState> from, boolean noSubState, ScanState to,
      SubState subState, Instant endedAt) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE scan SET state = :to, sub_state = :sub,"
                        + " ended_at = COALESCE(:ended, ended_at),"
                        + " processed = (processed OR :final)"
                        + " WHERE id = :id AND state IN (<from>)"
                        + (noSubState ? " AND sub_state IS NULL" : ""))
                .bind("to", to.apiName())
                .bind("sub", subState == null ? null : subState.apiName())
                .bind("ended", endedAt)
                .bind("final", to.isFinal())
                .bind("id", id)
                .bindList("from", from.stream().map(ScanState::apiName).toList())
                .execute()
                > 0);
  }

  /** Marks the scan Running and records its first start time. */
  void markRunning(long id, Instant now) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE scan SET state = 'Running', sub_state = NULL,"
                        + " started_at = COALESCE(started_at, :now) WHERE id = :id")
                .bind("now", now)
                .bind("id", id)
                .execute());
  }

  void markError(long scanId, String message, Instant now) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE scan SET state = 'Error', sub_state = NULL, processed = TRUE,"
                        + " ended_at = :now, error_message = :message WHERE id = :id")
                .bind("now", now)
                .bind("message", message.length() > 2000 ? message.substring(0, 2000) : message)
                .bind("id", scanId)
                .execute());
  }

  boolean delete(long scanId) {
    return jdbi.withHandle(
        handle -> handle.createUpdate("DELETE FROM scan WHERE id = :id").bind("id", scanId)
            .execute() > 0);
  }

  /** Returns the ids of scans whose task should be running: Queued, Running or Resuming. */
  List<Long> unfinishedScanIds() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id FROM scan WHERE state IN ('Queued', 'Running')"
                        + " OR (state = 'Paused' AND sub_state = 'Resuming') ORDER BY id")
                .mapTo(Long.class)
                .list());
  }

  private static Scan map(ResultSet rs) throws SQLException {
    long client = rs.getLong("client_id");
    Long clientId = rs.wasNull() ? null : client;
    return new Scan(
        rs.getLong("id"),
        rs.getLong("subscription_id"),
        rs.getString("ref"),
        rs.getString("title"),
        rs.getString("type"),
        rs.getString("user_login"),
        clientId,
        rs.getString("client_name"),
        rs.getLong("option_profile_id"),
        rs.getString("profile_title"),
        rs.getBoolean("profile_default"),
        rs.getInt("priority"),
        rs.getString("target"),
        rs.getString("asset_groups"),
        rs.getString("excluded_ips"),
        rs.getString("fqdn"),
        rs.getString("scanner"),
        ScanState.fromApiName(rs.getString("state")),
        SubState.fromApiName(rs.getString("sub_state")),
        rs.getBoolean("processed"),
        OptionProfileService.instant(rs, "launched_at"),
        OptionProfileService.instant(rs, "started_at"),
        OptionProfileService.instant(rs, "ended_at"),
        rs.getInt("total_hosts"),
        rs.getInt("active_hosts"));
  }
}
