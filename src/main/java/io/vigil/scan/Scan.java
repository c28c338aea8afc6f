package io.vigil.scan;

import io.vigil.scan.ScanState.SubState;
import java.time.Duration;
import java.time.Instant;

/**
 * One VM scan as the list and the results header show it.
 *
 * @param ref the scan reference, {@code scan/<epoch seconds>.<5 digits>}
 * @param type how it was launched: "API" for every scan Vigil launches today
 * @param clientId the client of a Consultant subscription, or null
 * @param clientName the client's name, or null
 * @param priority the processing priority, 0 (none) to 9 (low)
 * @param target the requested IPs and ranges, as the user gave them, comma-separated
 * @param assetGroups titles of the target asset groups, comma-separated, or ""
 * @param excludedIps the per-scan and subscription exclusions that applied, or ""
 * @param fqdn the requested host names, comma-separated, or ""
 * @param scanner the scanner appliance named at launch, or "" for the default
 * @param startedAt when the scan task first started, or null while queued
 * @param endedAt when the scan reached a final state, or null
 * @param totalHosts how many target hosts the scan has, scanned or not
 * @param activeHosts how many scanned hosts were alive
 */
public record Scan(
    long id,
    long subscriptionId,
    String ref,
    String title,
    String type,
    String userLogin,
    Long clientId,
    String clientName,
    long optionProfileId,
    String optionProfileTitle,
    boolean optionProfileDefault,
    int priority,
    String target,
    String assetGroups,
    String excludedIps,
    String fqdn,
    String scanner,
    ScanState state,
    SubState subState,
    boolean processed,
    Instant launchedAt,
    Instant startedAt,
    Instant endedAt,
    int totalHosts,
    int activeHosts) {

  /** Labels of PROCESSING_PRIORITY, indexed by priority. */
  private static final String[] PRIORITY_LABELS = {
    "No Priority", "Emergency", "Ultimate", "Critical", "Major", "High", "Standard", "Medium",
    "Minor", "Low"
  };

  /** Returns the PROCESSING_PRIORITY text, such as "0 - No Priority". */
  public String priorityText() {
    return priority + " - " + PRIORITY_LABELS[priority];
  }

  /**
   * Returns the DURATION text: "Pending" before the scan started, else HH:MM:SS from the start
   * to the end, or to {@code now} while the scan has not ended. Hours may exceed 99.
   */
  public String durationText(Instant now) {
    if (startedAt == null) {
      return "Pending";
    }
    Instant end = endedAt != null ? endedAt : now;
    long seconds = Math.max(0, Duration.between(startedAt, end).getSeconds());
    return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
}
