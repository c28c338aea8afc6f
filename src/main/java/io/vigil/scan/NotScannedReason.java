package io.vigil.scan;

/**
 * Why a target host has no scan results, in the categories of Qualys' scan summary
 * ({@code include_hosts_summary_categories}). The scan engine itself produces only {@link #DEAD}
 * and {@link #ABORTED}; the scan service assigns the others before or after the engine runs.
 */
public enum NotScannedReason {
  /** The host is on the subscription's excluded-IP list. */
  EXCLUDED("excluded"),
  /** A user cancelled the scan before the host was finished. */
  CANCELLED("cancelled"),
  /** No discovery probe got a reply, and "scan dead hosts" was off. */
  DEAD("dead"),
  /** A host name in the target list did not resolve to an address. */
  UNRESOLVED("unresolved"),
  /** The host appeared more than once in the target list. */
  DUPLICATE("duplicate"),
  /** The host was scanned and had no findings that the report includes. */
  NOT_VULNERABLE("not_vulnerable"),
  /** The host scan stopped before it was complete: an error, a time limit or an interrupt. */
  ABORTED("aborted"),
  /** A network rule or the target policy blocked the host. */
  BLOCKED("blocked");

  private final String category;

  NotScannedReason(String category) {
    this.category = category;
  }

  /** Returns the category name that Qualys' scan summary API uses. */
  public String category() {
    return category;
  }
}
