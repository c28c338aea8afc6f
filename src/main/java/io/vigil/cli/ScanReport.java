package io.vigil.cli;

import io.vigil.net.InvalidIpException;
import io.vigil.net.IpRange;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Prints scan results as people read them: a header, a host table, findings and totals. */
final class ScanReport {
  private static final int RESULT_WIDTH = 60;

  private ScanReport() {}

  /** Prints the scan block of the results. */
  static void printHeader(PrintWriter out, ScanListEntry entry, ScanResults results) {
    TextTable header = new TextTable("Reference:", entry.ref());
    header.row("Title:", entry.title());
    header.row("Status:", entry.stateText());
    header.row("Launched:", entry.launched());
    header.row("Duration:", entry.duration());
    header.row("Target:", entry.target());
    if (results != null) {
      String excluded = results.scan().getOrDefault("excluded_ips", "");
      if (!excluded.isEmpty()) {
        header.row("Excluded IPs:", excluded);
      }
      header.row("Option profile:", results.scan().getOrDefault("option_profile", ""));
      header.row("Active hosts:", results.scan().getOrDefault("active_hosts", "") + " of "
          + results.scan().getOrDefault("total_hosts", ""));
    } else if (!entry.optionProfile().isEmpty()) {
      header.row("Option profile:", entry.optionProfile());
    }
    header.print(out);
  }

  /** Prints one row per host, the totals and, when hosts were blocked, what to do. */
  static void printHosts(PrintWriter out, ScanResults results) {
    TextTable table = new TextTable("HOST", "STATUS", "OPEN PORTS");
    for (ScanResults.Host host : results.hosts()) {
      String status = host.scanned() ? "scanned" : "not scanned: " + host.notScannedReason();
      table.row(host.address(), status, ports(host.ports()));
    }
    table.print(out);
    long scanned = results.hosts().stream().filter(ScanResults.Host::scanned).count();
    int openPorts = results.openPortCount();
    out.println("Total: " + results.scan().getOrDefault("total_hosts", "?") + " target hosts, "
        + scanned + " scanned, " + (results.hosts().size() - scanned) + " not scanned, "
        + openPorts + " open " + (openPorts == 1 ? "port" : "ports") + ".");
    printBlockedHint(out, results.scan().getOrDefault("reference", ""), results.blocked());
  }

  /** Prints every finding of the scanned hosts, one line each, with the result's first line. */
  static void printFindings(PrintWriter out, ScanResults results) {
    TextTable table = new TextTable("HOST", "PORT", "QID", "TITLE", "RESULT");
    for (ScanResults.Host host : results.hosts()) {
      for (ScanResults.Finding finding : host.findings()) {
        table.row(host.address(), finding.port().isEmpty() ? "-" : finding.port(),
            Integer.toString(finding.qid()), finding.title(),
            TextTable.cut(finding.result(), RESULT_WIDTH));
      }
    }
    table.print(out);
  }

  /**
   * Tells the user why hosts may have been blocked and how to add them to the subscription,
   * which is the usual cause on a new server.
   */
  static void printBlockedHint(PrintWriter out, String ref, List<String> addresses) {
    if (addresses.isEmpty()) {
      return;
    }
    String ranges = compact(addresses);
    boolean one = addresses.size() == 1;
    out.println();
    out.println("Hint: the scan blocked " + ranges.replace(",", ", ") + ". A host is blocked"
        + " when the subscription lacks it, or when the server may not scan it (--scan-allow,"
        + " --scan-deny). This shows which:");
    out.println("  vigil scan summary --explain --category blocked --scan " + ref);
    out.println("If " + (one ? "it is" : "they are") + " missing from the subscription, add "
        + (one ? "it" : "them") + " with:");
    out.println("  vigil asset add-ip " + ranges);
    out.println("or the API: POST /api/2.0/fo/asset/ip/?action=add&ips=" + ranges
        + "&enable_vm=1");
  }

  /** Returns addresses as merged ranges, such as "127.0.1.0-127.0.40.255,127.0.0.5". */
  private static String compact(List<String> addresses) {
    List<IpRange> ranges = new ArrayList<>();
    List<String> others = new ArrayList<>();
    for (String address : addresses) {
      try {
        ranges.add(IpRange.single(IpRange.toNumber(address)));
      } catch (InvalidIpException e) {
        others.add(address);
      }
    }
    List<String> parts = new ArrayList<>();
    for (IpRange range : IpRange.merge(ranges)) {
      parts.add(range.toString());
    }
    parts.addAll(others);
    return String.join(",", parts);
  }

  static String ports(List<ScanResults.Port> ports) {
    if (ports.isEmpty()) {
      return "-";
    }
    return ports.stream()
        .map(port -> port.number() + "/tcp " + port.service())
        .collect(Collectors.joining(", "));
  }
}
