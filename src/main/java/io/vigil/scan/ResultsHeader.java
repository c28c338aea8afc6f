package io.vigil.scan;

import io.vigil.net.IpRange;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The header and trailer blocks of the extended results formats, as ordered fields: each has
 * the JSON key, the CSV label and the value. Null values are JSON null and empty CSV fields.
 * Dates are UTC, written as MM/DD/YYYY HH:MM:SS like Qualys' API output.
 */
final class ResultsHeader {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").withZone(ZoneOffset.UTC);

  /** Results with a QID in this set count as PCI vulnerabilities ("pci_vuln": "yes"). */
  static final List<Integer> PCI_QIDS = List.of(38167, 38169);

  /** One field of a header block. */
  record Field(String key, String label, String value) {}

  private ResultsHeader() {}

  static String date(Instant instant) {
    return DATE.format(instant);
  }

  /**
   * Returns the account block. Vigil stores no postal address, so the address fields are null.
   */
  static List<Field> account(ResultsContext context) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("scan_report_template_title", "Scan Results", "Scan Results"));
    fields.add(new Field("result_date", "Result Date", date(context.now())));
    fields.add(new Field("company", "Company", context.company()));
    for (String key : List.of("add1", "add2", "city", "state", "country", "zip")) {
      fields.add(new Field(key, key, null));
    }
    fields.add(new Field("name", "Name", context.userName()));
    fields.add(new Field("username", "Username", context.login()));
    fields.add(new Field("role", "Role", context.role()));
    return fields;
  }

  /** Returns the scan block; the client appears on Consultant subscriptions only. */
  static List<Field> scan(Scan scan, ResultsContext context, int activeHosts) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("launch_date", "Launch Date", date(scan.launchedAt())));
    if (context.consultant()) {
      fields.add(new Field("client", "Client", scan.clientName()));
    }
    fields.add(new Field("active_hosts", "Active Hosts", Integer.toString(activeHosts)));
    fields.add(new Field("total_hosts", "Total Hosts", Integer.toString(scan.totalHosts())));
    fields.add(new Field("type", "Type", scan.type()));
    fields.add(new Field("status", "Status", scan.state().apiName()));
    fields.add(new Field("reference", "Reference", scan.ref()));
    fields.add(new Field("scanner_appliance", "Scanner Appliance", scanner(scan, context)));
    fields.add(new Field("duration", "Duration", scan.durationText(context.now())));
    fields.add(new Field("scan_title", "Scan Title", scan.title()));
    fields.add(new Field("asset_groups", "Asset Groups",
        scan.assetGroups().isEmpty() ? null : scan.assetGroups()));
    fields.add(new Field("ips", "IPs", scan.target()));
    fields.add(new Field("excluded_ips", "Excluded IPs", scan.excludedIps()));
    fields.add(new Field("option_profile", "Option Profile", scan.optionProfileTitle()));
    return fields;
  }

  /**
   * Returns the trailer: the target distribution, then one field per reason with hosts not
   * scanned. The keys of dead, excluded, cancelled and not vulnerable hosts are Qualys'; those of
   * duplicate, blocked, aborted and unresolved hosts are Vigil's.
   */
  static List<Field> trailer(Scan scan, ResultsContext context, List<IpRange> scannedHosts,
      List<NotScannedHost> notScanned) {
    List<Field> fields = new ArrayList<>();
    fields.add(new Field("target_distribution_across_scanner_appliances",
        "Target distribution across scanner appliances",
        scanner(scan, context) + " : " + ScanTargets.describe(scannedHosts)));
    Map<NotScannedReason, List<String>> byReason = new LinkedHashMap<>();
    for (NotScannedHost host : notScanned) {
      // A duplicate's address is scanned under another target, so its name identifies it.
      boolean byName = host.ip() == null
          || (host.reason() == NotScannedReason.DUPLICATE && host.hostName() != null);
      byReason.computeIfAbsent(host.reason(), reason -> new ArrayList<>()).add(
          byName ? host.hostName() : IpRange.format(host.ip()));
    }
    addReason(fields, byReason, NotScannedReason.DEAD, "hosts_not_scanned_host_not_alive_ip",
        "Hosts not scanned, host not alive (IP)");
    addReason(fields, byReason, NotScannedReason.EXCLUDED, "hosts_not_scanned_excluded_host_ip",
        "Hosts not scanned, excluded host (IP)");
    addReason(fields, byReason, NotScannedReason.CANCELLED,
        "host_not_scanned,_scan_canceled_by_user_ip_",
        "Host not scanned, scan canceled by user (IP)");
    addReason(fields, byReason, NotScannedReason.NOT_VULNERABLE,
        "no_vulnerabilities_match_your_filters_for_these_hosts",
        "No vulnerabilities match your filters for these hosts");
    addReason(fields, byReason, NotScannedReason.DUPLICATE,
        "hosts_not_scanned_duplicate_host_name", "Hosts not scanned, duplicate host name");
    addReason(fields, byReason, NotScannedReason.BLOCKED, "hosts_not_scanned_blocked_ip",
        "Hosts not scanned, blocked (IP)");
    addReason(fields, byReason, NotScannedReason.ABORTED, "hosts_not_scanned_aborted_ip",
        "Hosts not scanned, scan aborted (IP)");
    addReason(fields, byReason, NotScannedReason.UNRESOLVED,
        "hosts_not_scanned_unresolved_host", "Hosts not scanned, host name not resolved");
    return fields;
  }

  private static void addReason(List<Field> fields, Map<NotScannedReason, List<String>> byReason,
      NotScannedReason reason, String key, String label) {
    List<String> hosts = byReason.get(reason);
    if (hosts != null) {
      fields.add(new Field(key, label, String.join(", ", hosts)));
    }
  }

  /** Returns the Scanner Appliance text: the appliance named at launch, or Vigil's engine. */
  static String scanner(Scan scan, ResultsContext context) {
    String name = scan.scanner().isEmpty() ? "Vigil scan engine" : scan.scanner();
    return name + " (Scanner " + context.version() + ")";
  }
}
