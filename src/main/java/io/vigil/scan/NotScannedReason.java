package io.vigil.scan;

/**
 * The reason a target host has no scan results, in the categories of Qualys' scan summary
 * ({@code include_hosts_summary_categories}). The scan engine itself produces {@link #DEAD},
 * {@link #NOT_VULNERABLE} and {@link #ABORTED}; the scan service assigns the others before or
 * after the engine runs.
 */
public enum NotScannedReason {
  /** The host is on the subscription's excluded-IP list. */
  EXCLUDED("excluded", "excluded"),
  /** A user cancelled the scan before the host was finished. */
  CANCELLED("cancelled", "cancelled"),
  /** No discovery probe got a reply, and "scan dead hosts" was off. */
  DEAD("dead", "dead"),
  /** A host name in the target list did not resolve to an address. */
  UNRESOLVED("unresolved", "unresolved"),
  /** The host appeared more than once in the target list. */
  DUPLICATE("duplicate", "duplicate"),
  /**
   * The host replied to discovery, but none of the option profile's TCP ports is open. Every
   * check of Vigil's engine needs an open port, so the host cannot have a finding.
   */
  NOT_VULNERABLE("not_vulnerable", "notvuln"),
  /** The host scan stopped before it was complete: an error, a time limit or an interrupt. */
  ABORTED("aborted", "aborted"),
  /** A network rule or the target policy blocked the host. */
  BLOCKED("blocked", "blocked");

  private final String category;
  private final String summaryCategory;

  NotScannedReason(String category, String summaryCategory) {
    this.category = category;
    this.summaryCategory = summaryCategory;
  }

  /** Returns the category name that Qualys' scan summary API uses. */
  public String category() {
    return category;
  }

  /**
   * Returns the category name of the older scan summary API, /api/2.0/fo/scan/summary/, which
   * writes "notvuln" where the newer one writes "not_vulnerable".
   */
  public String summaryCategory() {
    return summaryCategory;
  }

  /** Returns the scan summary parameter that selects this category, such as include_notvuln. */
  public String includeParameter() {
    return "include_" + summaryCategory;
  }
}
