package io.vigil.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.VigilException;
import io.vigil.scan.NotScannedReason;
import io.vigil.scan.ScanSummaries;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the scan summary of hosts not scanned from /api/2.0/fo/scan/summary/ as JSON and prints
 * it as a table: one row per host list, or with evidence one row per host.
 */
final class ScanSummaryReport {
  static final String PATH = "/api/2.0/fo/scan/summary/";

  /** The categories in output order, by the names the summary writes. */
  static final Map<String, NotScannedReason> CATEGORIES = new LinkedHashMap<>();

  static {
    for (NotScannedReason reason : ScanSummaries.CATEGORY_ORDER) {
      CATEGORIES.put(reason.summaryCategory(), reason);
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  private ScanSummaryReport() {}

  /**
   * Builds the request parameters.
   *
   * @param categories the categories to list, or empty for all
   * @param tracking IP, DNS, NETBIOS or EC2, or null for every tracking method
   */
  static Map<String, String> parameters(String since, String to, List<String> categories,
      String tracking, boolean explain) {
    for (String category : categories) {
      if (!CATEGORIES.containsKey(category)) {
        throw new VigilException("Invalid category " + category + ": use one of "
            + String.join(", ", CATEGORIES.keySet()) + ".");
      }
    }
    Map<String, String> params = new LinkedHashMap<>();
    params.put("action", "list");
    params.put("scan_date_since", since);
    if (to != null) {
      params.put("scan_date_to", to);
    }
    for (Map.Entry<String, NotScannedReason> category : CATEGORIES.entrySet()) {
      boolean selected = categories.isEmpty() || categories.contains(category.getKey());
      params.put(category.getValue().includeParameter(), selected ? "1" : "0");
    }
    if (tracking != null) {
      params.put("tracking_method", tracking);
    }
    params.put("output_format", "JSON");
    if (explain) {
      params.put("show_evidence", "1");
    }
    return params;
  }

  /**
   * Prints the summary of the reply body.
   *
   * @param scanRef only this scan, or null for every scan of the reply
   * @return the number of host lists printed
   */
  static int print(PrintWriter out, byte[] body, String scanRef, boolean explain) {
    JsonNode scans;
    try {
      scans = JSON.readTree(body);
    } catch (IOException e) {
      throw new VigilException("The scan summary from the server is not valid JSON: "
          + e.getMessage(), e);
    }
    TextTable table = explain
        ? new TextTable("SCAN", "CATEGORY", "TRACKING", "HOST", "EVIDENCE")
        : new TextTable("SCAN", "DATE", "CATEGORY", "TRACKING", "HOSTS");
    int lists = 0;
    for (JsonNode scan : scans) {
      String ref = scan.path("scanRef").asText();
      if (scanRef != null && !scanRef.equals(ref)) {
        continue;
      }
      for (JsonNode list : scan.path("hostSummary")) {
        lists++;
        String category = list.path("category").asText();
        String tracking = list.path("tracking").asText();
        if (!explain) {
          table.row(ref, scan.path("scanDate").asText(), category, tracking,
              list.path("hosts").asText());
          continue;
        }
        for (JsonNode host : list.path("evidence")) {
          String evidence = host.path("evidence").asText();
          table.row(ref, category, tracking, host.path("host").asText(),
              evidence.isEmpty() ? "(none recorded)" : evidence);
        }
      }
    }
    if (lists == 0 && scanRef != null) {
      out.println("Scan " + scanRef + " has no host that was not scanned in the selected"
          + " categories.");
    } else if (lists == 0) {
      out.println("No host was left unscanned in the selected scans and categories.");
    } else {
      table.print(out);
    }
    return lists;
  }
}
