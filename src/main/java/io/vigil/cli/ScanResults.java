package io.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.VigilException;
import io.vigil.net.InvalidIpException;
import io.vigil.net.IpRange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A scan's results read from {@code action=fetch&output_format=json_extended}: the scan block,
 * then one entry per target host with its open ports and findings, or the reason it was not
 * scanned.
 *
 * @param scan the scan block, such as "status", "total_hosts" and "option_profile"
 * @param hosts scanned hosts and hosts not scanned, in address order, host names last
 */
record ScanResults(Map<String, String> scan, List<Host> hosts) {
  /** QID of the Open TCP Services List, whose RESULTS table has one row per open port. */
  static final int OPEN_TCP_SERVICES_QID = 82023;

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reason of a blocked host: outside the subscription's IPs, on the server's deny list or
   * outside the networks the server may scan. The results do not say which.
   */
  static final String BLOCKED = "blocked";

  /** Trailer keys of the hosts not scanned, with the reason the summary shows for each. */
  private static final Map<String, String> REASONS = Map.of(
      "hosts_not_scanned_host_not_alive_ip", "host not alive",
      "hosts_not_scanned_excluded_host_ip", "excluded",
      "host_not_scanned,_scan_canceled_by_user_ip_", "scan cancelled",
      "no_vulnerabilities_match_your_filters_for_these_hosts", "not vulnerable, no open port",
      "hosts_not_scanned_duplicate_host_name", "duplicate target",
      "hosts_not_scanned_blocked_ip", BLOCKED,
      "hosts_not_scanned_aborted_ip", "scan aborted",
      "hosts_not_scanned_unresolved_host", "host name not resolved");

  /** An open TCP port and the service detected on it, such as "ssh" or "http over ssl". */
  record Port(int number, String service) {}

  /**
   * A finding: its QID, title, port ("" for a host-level finding) and a one-line summary of its
   * result, which is the first line, or the port list of an Open TCP Services List.
   */
  record Finding(int qid, String title, String port, String result) {}

  /**
   * One target host.
   *
   * @param notScannedReason why the host has no results, or null for a scanned host
   */
  record Host(String address, String notScannedReason, List<Port> ports,
      List<Finding> findings) {
    boolean scanned() {
      return notScannedReason == null;
    }
  }

  int openPortCount() {
    return hosts.stream().mapToInt(host -> host.ports().size()).sum();
  }

  /** Returns the addresses that the scan blocked. */
  List<String> blocked() {
    return hosts.stream()
        .filter(host -> BLOCKED.equals(host.notScannedReason()))
        .map(Host::address)
        .toList();
  }

  /** Parses a json_extended document: account block, scan block, findings, trailer. */
  static ScanResults parse(byte[] body) {
    JsonNode rows;
    try {
      rows = JSON.readTree(body);
    } catch (IOException e) {
      throw new VigilException("The server sent scan results that are not valid JSON: "
          + e.getMessage(), e);
    }
    if (rows == null || !rows.isArray() || rows.size() < 3) {
      throw new VigilException("The server sent scan results without the json_extended header"
          + " and trailer blocks.");
    }
    Map<String, String> scan = strings(rows.get(1));
    Map<String, Host> hosts = new TreeMap<>(ScanResults::compareAddresses);
    for (int i = 2; i < rows.size() - 1; i++) {
      addFinding(hosts, rows.get(i));
    }
    Map<String, String> trailer = strings(rows.get(rows.size() - 1));
    for (Map.Entry<String, String> field : trailer.entrySet()) {
      String reason = reasonOf(field.getKey());
      if (reason == null) {
        continue;
      }
      for (String address : field.getValue().split(",")) {
        if (!address.isBlank()) {
          hosts.put(address.strip(), new Host(address.strip(), reason, List.of(), List.of()));
        }
      }
    }
    return new ScanResults(scan, List.copyOf(hosts.values()));
  }

  private static void addFinding(Map<String, Host> hosts, JsonNode row) {
    String ip = row.path("ip").asText();
    Host host = hosts.computeIfAbsent(ip,
        key -> new Host(key, null, new ArrayList<>(), new ArrayList<>()));
    int qid = row.path("qid").asInt();
    String result = row.path("results").asText("");
    String summary = result.lines().findFirst().orElse("").replace('\t', ' ');
    if (qid == OPEN_TCP_SERVICES_QID) {
      List<Port> ports = openPorts(result);
      host.ports().addAll(ports);
      summary = ScanReport.ports(ports);
    }
    host.findings().add(new Finding(qid, row.path("title").asText(""),
        row.path("port").asText(""), summary));
  }

  /**
   * Reads the QID 82023 table: a header line, then one tab-separated line per port with the
   * port, the IANA service, its description and the detected service.
   */
  static List<Port> openPorts(String table) {
    List<Port> ports = new ArrayList<>();
    Iterator<String> lines = table.lines().iterator();
    if (lines.hasNext()) {
      lines.next();
    }
    while (lines.hasNext()) {
      String[] cells = lines.next().split("\t", -1);
      try {
        String service = cells.length > 3 && !cells[3].isBlank() ? cells[3] : "unknown";
        ports.add(new Port(Integer.parseInt(cells[0].strip()), service));
      } catch (NumberFormatException e) {
        // Skips a row whose first cell is not a port number.
      }
    }
    ports.sort(Comparator.comparingInt(Port::number));
    return ports;
  }

  private static String reasonOf(String key) {
    String reason = REASONS.get(key);
    if (reason == null && (key.startsWith("hosts_not_scanned") || key.startsWith(
        "host_not_scanned"))) {
      return key.replace('_', ' ').strip();
    }
    return reason;
  }

  private static Map<String, String> strings(JsonNode object) {
    Map<String, String> fields = new LinkedHashMap<>();
    object.fields().forEachRemaining(
        field -> fields.put(field.getKey(), field.getValue().isNull() ? ""
            : field.getValue().asText()));
    return fields;
  }

  /** Orders IPv4 addresses numerically and anything else, such as host names, after them. */
  static int compareAddresses(String a, String b) {
    Long first = number(a);
    Long second = number(b);
    if (first != null && second != null) {
      return Long.compare(first, second);
    }
    if (first != null || second != null) {
      return first != null ? -1 : 1;
    }
    return a.compareTo(b);
  }

  private static Long number(String address) {
    try {
      return IpRange.toNumber(address);
    } catch (InvalidIpException e) {
      return null;
    }
  }
}
