package io.vigil.scan;

import io.vigil.net.IpRange;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** Reads a scan's findings as a stream, so an output of any size never sits in memory whole. */
public final class ScanFindings {
  /** Rows the database sends per round trip while a result is streamed. */
  private static final int FETCH_SIZE = 500;

  private static final Map<Integer, ScanQid> QIDS =
      Stream.of(ScanQid.values()).collect(Collectors.toMap(ScanQid::qid, Function.identity()));

  private final Jdbi jdbi;

  ScanFindings(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * One stored finding.
   *
   * @param ip the host's IPv4 address as an unsigned number
   * @param qid the QID, or null when this Vigil version no longer knows the number
   * @param port the TCP port, or null for a host-level finding
   */
  public record Row(
      long ip, int qidNumber, ScanQid qid, String type, int severity, Integer port,
      String protocol, boolean ssl, String results) {

    public String ipText() {
      return IpRange.format(ip);
    }
  }

  /** Receives the rows of a stream one at a time. */
  @FunctionalInterface
  public interface RowConsumer {
    void accept(Row row) throws java.io.IOException;
  }

  /**
   * Streams the findings of a scan, host by host in address order: host-level findings first,
   * then port findings, each in the engine's order.
   *
   * @param ips only hosts inside these ranges, or every host when empty
   */
  public void forEach(long scanId, List<IpRange> ips, RowConsumer consumer)
      throws java.io.IOException {
    StringBuilder sql = new StringBuilder(
        "SELECT ip, qid, type, severity, port, protocol, ssl, results FROM scan_finding"
            + " WHERE scan_id = :id");
    if (!ips.isEmpty()) {
      sql.append(" AND (");
      for (int i = 0; i < ips.size(); i++) {
        sql.append(i == 0 ? "" : " OR ").append("ip BETWEEN :first").append(i)
            .append(" AND :last").append(i);
      }
      sql.append(')');
    }
    sql.append(" ORDER BY ip, CASE WHEN port IS NULL THEN 0 ELSE 1 END, seq");
    // A transaction turns autocommit off, which PostgreSQL needs to honor the fetch size.
    jdbi.useTransaction(
        handle -> {
          Query query = handle.createQuery(sql.toString()).bind("id", scanId)
              .setFetchSize(FETCH_SIZE);
          for (int i = 0; i < ips.size(); i++) {
            query.bind("first" + i, ips.get(i).first()).bind("last" + i, ips.get(i).last());
          }
          try (Stream<Row> rows = query.map((rs, ctx) -> map(rs)).stream()) {
            Iterator<Row> iterator = rows.iterator();
            while (iterator.hasNext()) {
              consumer.accept(iterator.next());
            }
          }
        });
  }

  /** Returns the hosts the scan had to scan, merged into ranges. */
  public List<IpRange> scannedHostRanges(long scanId) {
    List<Long> hosts = jdbi.withHandle(handle -> handle
        .createQuery("SELECT ip FROM scan_host WHERE scan_id = :id ORDER BY ip")
        .bind("id", scanId)
        .mapTo(Long.class)
        .list());
    return IpRange.merge(hosts.stream().map(IpRange::single).toList());
  }

  private static Row map(ResultSet rs) throws SQLException {
    int qid = rs.getInt("qid");
    int port = rs.getInt("port");
    Integer portNumber = rs.wasNull() ? null : port;
    return new Row(rs.getLong("ip"), qid, QIDS.get(qid), rs.getString("type"),
        rs.getInt("severity"), portNumber, rs.getString("protocol"), rs.getBoolean("ssl"),
        rs.getString("results"));
  }
}
