package io.vigil.scan;

import io.vigil.net.IpRange;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes the results of one scan in a fetch format, streaming the findings from the database,
 * so memory use does not grow with the number of findings.
 */
public final class ScanResultsWriter {
  private final ScanService scans;

  public ScanResultsWriter(ScanService scans) {
    this.scans = scans;
  }

  /**
   * The request of one fetch.
   *
   * @param extended whether mode=extended adds protocol, port, SSL and FQDN to csv and json
   * @param ips only findings of hosts inside these ranges, or all when empty
   */
  public record Request(FetchFormat format, boolean extended, List<IpRange> ips) {}

  /** Writes the results; the caller closes {@code out}. */
  public void write(Scan scan, Request request, ResultsContext context, OutputStream out)
      throws IOException {
    ScanFindings findings = scans.findings();
    switch (request.format()) {
      case JSON -> ResultsJson.writeFlat(findings, scan.id(), request, out);
      case CSV -> ResultsCsv.writeFlat(findings, scan.id(), request, out);
      case JSON_EXTENDED -> ResultsJson.writeExtended(findings, scan, request,
          blocks(scan, context), out);
      case CSV_EXTENDED -> ResultsCsv.writeExtended(findings, scan, request,
          blocks(scan, context), out);
      default -> throw new IllegalArgumentException("Unknown format " + request.format());
    }
  }

  /** The header and trailer blocks of an extended output. */
  record Blocks(
      List<ResultsHeader.Field> account,
      List<ResultsHeader.Field> scan,
      List<ResultsHeader.Field> trailer) {}

  private Blocks blocks(Scan scan, ResultsContext context) {
    ScanFindings findings = scans.findings();
    return new Blocks(
        ResultsHeader.account(context),
        ResultsHeader.scan(scan, context, scans.aliveHosts(scan.id())),
        ResultsHeader.trailer(scan, context, findings.scannedHostRanges(scan.id()),
            scans.notScanned(scan.id())));
  }

  /** The 29 columns of an extended finding row: JSON key and CSV label. */
  static final List<String[]> EXTENDED_COLUMNS =
      List.of(
          new String[] {"ip", "IP"},
          new String[] {"dns", "DNS"},
          new String[] {"netbios", "NetBIOS"},
          new String[] {"os", "OS"},
          new String[] {"ip_status", "IP Status"},
          new String[] {"qid", "QID"},
          new String[] {"title", "Title"},
          new String[] {"type", "Type"},
          new String[] {"severity", "Severity"},
          new String[] {"port", "Port"},
          new String[] {"protocol", "Protocol"},
          new String[] {"fqdn", "FQDN"},
          new String[] {"ssl", "SSL"},
          new String[] {"cve_id", "CVE ID"},
          new String[] {"vendor_reference", "Vendor Reference"},
          new String[] {"bugtraq_id", "Bugtraq ID"},
          new String[] {"cvss_base", "CVSS Base"},
          new String[] {"cvss_temporal", "CVSS Temporal"},
          new String[] {"cvss3_base", "CVSS3 Base"},
          new String[] {"cvss3_temporal", "CVSS3 Temporal"},
          new String[] {"threat", "Threat"},
          new String[] {"impact", "Impact"},
          new String[] {"solution", "Solution"},
          new String[] {"exploitability", "Exploitability"},
          new String[] {"associated_malware", "Associated Malware"},
          new String[] {"results", "Results"},
          new String[] {"pci_vuln", "PCI Vuln"},
          new String[] {"instance", "Instance"},
          new String[] {"category", "Category"});

  /**
   * Returns the values of an extended row in {@link #EXTENDED_COLUMNS} order; QID stays a
   * number. Vigil has no DNS or NetBIOS names, OS detection or knowledge-base texts, so those
   * fields are empty or null.
   */
  static Object[] extendedValues(ScanFindings.Row row) {
    ScanQid qid = row.qid();
    return new Object[] {
      row.ipText(), "", null, null, "host scanned, found vuln", row.qidNumber(),
      qid == null ? null : qid.title(), row.type(), Integer.toString(row.severity()),
      port(row), row.protocol(), "", ssl(row), null, null, null, null, null, null, null, null,
      null, null, null, null, row.results(),
      ResultsHeader.PCI_QIDS.contains(row.qidNumber()) ? "yes" : "no", null,
      qid == null ? null : qid.category()
    };
  }

  static String port(ScanFindings.Row row) {
    return row.port() == null ? "" : Integer.toString(row.port());
  }

  static String ssl(ScanFindings.Row row) {
    return row.ssl() ? "yes" : "no";
  }
}
