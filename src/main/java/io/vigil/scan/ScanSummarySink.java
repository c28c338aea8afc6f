package io.vigil.scan;

import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Receives a scan summary as it streams: each scan, then its host lists, one per category and
 * tracking method, then the end of the scan.
 */
public interface ScanSummarySink {
  /**
   * One host of a host list and what showed why it was not scanned.
   *
   * @param host the host as the list writes it: an address, or a DNS or NetBIOS name
   * @param evidence the evidence the scan recorded, or "" for a host stored without it
   */
  record HostEvidence(String host, String evidence) {}

  void startScan(String ref, Instant scanDate) throws IOException;

  /**
   * Receives the hosts of one category and tracking method.
   *
   * @param category the category as the API writes it, such as "notvuln" or "dead"
   * @param hosts the compact host list, such as "10.0.0.1-10.0.0.5, 10.0.0.9"
   * @param evidence each host's evidence in the order of {@code hosts}, or empty when the query
   *     did not request it
   */
  void hostSummary(String category, String tracking, String hosts, List<HostEvidence> evidence)
      throws IOException;

  void endScan() throws IOException;
}
