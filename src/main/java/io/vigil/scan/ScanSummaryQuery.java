package io.vigil.scan;

import java.time.Instant;
import java.util.Set;

/**
 * The filter of a scan summary: which hosts not scanned it lists.
 *
 * @param since the earliest launch time of a listed scan, inclusive
 * @param until the launch time from which scans are no longer listed, exclusive
 * @param reasons the categories to list
 * @param trackingMethod only hosts tracked this way ("IP", "DNS", "NETBIOS", "EC2"), or null
 *     for every tracking method
 * @param withEvidence whether each host's evidence goes to the sink too
 */
public record ScanSummaryQuery(
    Instant since,
    Instant until,
    Set<NotScannedReason> reasons,
    String trackingMethod,
    boolean withEvidence) {

  public ScanSummaryQuery {
    reasons = Set.copyOf(reasons);
  }
}
