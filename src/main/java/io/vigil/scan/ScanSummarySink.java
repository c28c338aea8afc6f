package io.vigil.scan;

import java.io.IOException;
import java.time.Instant;

/**
 * Receives a scan summary as it streams: each scan, then its host lists, one per category and
 * tracking method, then the end of the scan.
 */
public interface ScanSummarySink {
  void startScan(String ref, Instant scanDate) throws IOException;

  /**
   * Receives the hosts of one category and tracking method.
   *
   * @param category the category as the API writes it, such as "notvuln" or "dead"
   * @param hosts the compact host list, such as "10.0.0.1-10.0.0.5, 10.0.0.9"
   */
  void hostSummary(String category, String tracking, String hosts) throws IOException;

  void endScan() throws IOException;
}
