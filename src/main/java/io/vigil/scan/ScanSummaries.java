package io.vigil.scan;

import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams the scan summary: the target hosts that scans launched in a date range did not scan,
 * grouped per scan, category and tracking method. The queries read the rows in output order, so
 * memory contains one host list at a time, never the whole summary.
 */
public final class ScanSummaries {
  private static final Logger log = LoggerFactory.getLogger(ScanSummaries.class);

  /** Category order of the output, as in Qualys' sample: notvuln, cancelled, dead, ... */
  public static final List<NotScannedReason> CATEGORY_ORDER =
      List.of(
          NotScannedReason.NOT_VULNERABLE,
          NotScannedReason.CANCELLED,
          NotScannedReason.DEAD,
          NotScannedReason.EXCLUDED,
          NotScannedReason.UNRESOLVED,
          NotScannedReason.DUPLICATE,
          NotScannedReason.ABORTED,
          NotScannedReason.BLOCKED);

  /** Tracking method order of the output within a category. */
  static final List<String> TRACKING_ORDER = List.of("IP", "DNS", "NETBIOS", "EC2");

  /** Rows the database sends per round trip while the summary streams. */
  private static final int FETCH_SIZE = 1000;

  /** Scans read per query of the scan list. */
  private static final int SCAN_PAGE = 500;

  private final Jdbi jdbi;

  ScanSummaries(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** One host not scanned, with its scan. */
  private record Row(
      long scanId, String ref, Instant launchedAt, String reason, String tracking, Long ip,
      String hostName, String evidence) {}

  /**
   * Streams the summary of a subscription's scans to {@code sink}: scans by ascending launch
   * time, each with one host list per category and tracking method. Scans without a host that
   * the query selects are left out.
   *
   * <p>The scans come in pages of {@value #SCAN_PAGE}, and each scan's hosts from a query of
   * their own, which its index serves. One query over all hosts would make H2 sort every row
   * into a temporary file before it returns the first, which took about 30 s for 10 million
   * rows on two cores.
   */
  public void stream(long subscriptionId, ScanSummaryQuery query, ScanSummarySink sink)
      throws IOException {
    if (query.reasons().isEmpty()) {
      return;
    }
    // A transaction turns autocommit off, which PostgreSQL needs to honor the fetch size.
    // Repeatable read gives every query of the summary the same snapshot, so a scan that
    // changes meanwhile is listed as it was when the summary began.
    jdbi.useTransaction(TransactionIsolationLevel.REPEATABLE_READ,
        handle -> {
          long start = System.nanoTime();
          long scans = 0;
          long hosts = 0;
          ScanRow after = null;
          while (true) {
            List<ScanRow> page = scanPage(handle, subscriptionId, query, after);
            for (ScanRow scan : page) {
              long listed = streamScan(handle, scan, query, sink);
              scans += listed > 0 ? 1 : 0;
              hosts += listed;
            }
            if (page.size() < SCAN_PAGE) {
              break;
            }
            after = page.get(page.size() - 1);
          }
          log.info("Scan summary streamed: subscription={} scans={} hosts={} evidence={}"
                  + " ms={}", subscriptionId, scans, hosts, query.withEvidence(),
              (System.nanoTime() - start) / 1_000_000);
        });
  }

  /** A scan of the summary, in launch order. */
  private record ScanRow(long id, String ref, Instant launchedAt) {}

  /**
   * Returns the next scans in launch order after {@code after} (null for the first page) that
   * have at least one selected host.
   */
  private static List<ScanRow> scanPage(Handle handle, long subscriptionId,
      ScanSummaryQuery query, ScanRow after) {
    String sql = "SELECT s.id, s.ref, s.launched_at FROM scan s"
        + " WHERE s.subscription_id = :sub AND s.launched_at >= :since"
        + " AND s.launched_at < :until"
        + (after == null ? ""
            : " AND (s.launched_at > :afterTime OR (s.launched_at = :afterTime"
                + " AND s.id > :afterId))")
        + " AND EXISTS (SELECT 1 FROM scan_host_not_scanned n WHERE n.scan_id = s.id"
        + hostFilter(query) + ")"
        + " ORDER BY s.launched_at, s.id LIMIT :limit";
    Query statement = handle.createQuery(sql)
        .bind("sub", subscriptionId)
        .bind("since", query.since())
        .bind("until", query.until())
        .bind("limit", SCAN_PAGE);
    bindHostFilter(statement, query);
    if (after != null) {
      statement.bind("afterTime", after.launchedAt()).bind("afterId", after.id());
    }
    return statement
        .map((rs, ctx) -> new ScanRow(rs.getLong("id"), rs.getString("ref"),
            OptionProfileService.instant(rs, "launched_at")))
        .list();
  }

  /** Streams one scan's selected hosts to the sink; returns how many there were. */
  private static long streamScan(Handle handle, ScanRow scan, ScanSummaryQuery query,
      ScanSummarySink sink) throws IOException {
    String sql = "SELECT n.reason, n.tracking_method, n.ip, n.host_name"
        + (query.withEvidence() ? ", n.evidence" : "")
        + " FROM scan_host_not_scanned n WHERE n.scan_id = :scan" + hostFilter(query)
        + " ORDER BY " + rank("n.reason", categoryNames()) + ", "
        + rank("n.tracking_method", TRACKING_ORDER) + ", n.ip NULLS LAST, n.host_name, n.id";
    Query statement = handle.createQuery(sql).bind("scan", scan.id()).setFetchSize(FETCH_SIZE);
    bindHostFilter(statement, query);
    boolean withEvidence = query.withEvidence();
    try (Stream<Row> rows =
        statement.map((rs, ctx) -> map(rs, scan, withEvidence)).stream()) {
      return group(rows.iterator(), sink).hosts();
    }
  }

  /** Returns the conditions on scan_host_not_scanned n of the selected categories. */
  private static String hostFilter(ScanSummaryQuery query) {
    return " AND n.reason IN (<reasons>)"
        + (query.trackingMethod() == null ? "" : " AND n.tracking_method = :tracking");
  }

  private static void bindHostFilter(Query statement, ScanSummaryQuery query) {
    statement.bindList("reasons",
        query.reasons().stream().map(NotScannedReason::category).toList());
    if (query.trackingMethod() != null) {
      statement.bind("tracking", query.trackingMethod());
    }
  }

  /** The number of scans and hosts a summary listed. */
  private record Counts(long scans, long hosts) {}

  /** Sends the rows to the sink, one host list per run of equal scan, reason and tracking. */
  private static Counts group(Iterator<Row> rows, ScanSummarySink sink) throws IOException {
    long scans = 0;
    long hostCount = 0;
    Row group = null;
    HostList hosts = null;
    while (rows.hasNext()) {
      Row row = rows.next();
      boolean newScan = group == null || group.scanId() != row.scanId();
      boolean newList = newScan || !group.reason().equals(row.reason())
          || !group.tracking().equals(row.tracking());
      if (group != null && newList) {
        sink.hostSummary(summaryCategory(group.reason()), group.tracking(), hosts.text(),
            hosts.evidence());
      }
      if (group != null && newScan) {
        sink.endScan();
      }
      if (newScan) {
        sink.startScan(row.ref(), row.launchedAt());
        scans++;
      }
      if (newList) {
        group = row;
        hosts = new HostList(row.tracking());
      }
      hosts.add(row.ip(), row.hostName(), row.evidence());
      hostCount++;
    }
    if (group != null) {
      sink.hostSummary(summaryCategory(group.reason()), group.tracking(), hosts.text(),
          hosts.evidence());
      sink.endScan();
    }
    return new Counts(scans, hostCount);
  }

  private static List<String> categoryNames() {
    return CATEGORY_ORDER.stream().map(NotScannedReason::category).toList();
  }

  private static String summaryCategory(String stored) {
    for (NotScannedReason reason : NotScannedReason.values()) {
      if (reason.category().equals(stored)) {
        return reason.summaryCategory();
      }
    }
    throw new IllegalStateException("Unknown reason in scan_host_not_scanned: " + stored);
  }

  /** Returns a CASE expression that sorts {@code column} in the order of {@code values}. */
  private static String rank(String column, List<String> values) {
    StringBuilder sql = new StringBuilder("CASE ").append(column);
    for (int i = 0; i < values.size(); i++) {
      sql.append(" WHEN '").append(values.get(i)).append("' THEN ").append(i);
    }
    return sql.append(" ELSE ").append(values.size()).append(" END").toString();
  }

  /** Maps a row; its evidence is null without {@code withEvidence}, else never null. */
  private static Row map(ResultSet rs, ScanRow scan, boolean withEvidence)
      throws SQLException {
    long ip = rs.getLong("ip");
    Long address = rs.wasNull() ? null : ip;
    String evidence = null;
    if (withEvidence) {
      evidence = Objects.requireNonNullElse(rs.getString("evidence"), "");
    }
    return new Row(scan.id(), scan.ref(), scan.launchedAt(), rs.getString("reason"),
        rs.getString("tracking_method"), address, rs.getString("host_name"), evidence);
  }
}
