package io.vigil.scan;

import java.util.Optional;

/** The STATE of a VM scan, with the names the Qualys scan list uses. */
public enum ScanState {
  /** Launched; the scan task has not started yet. */
  QUEUED("Queued"),
  RUNNING("Running"),
  PAUSED("Paused"),
  CANCELED("Canceled"),
  FINISHED("Finished"),
  ERROR("Error"),
  /**
   * Scanners done, results being loaded. Vigil stores each host's results as it finishes, so
   * no scan is ever in this state; the list filter accepts it for compatibility.
   */
  LOADING("Loading");

  private final String apiName;

  ScanState(String apiName) {
    this.apiName = apiName;
  }

  public String apiName() {
    return apiName;
  }

  /** Whether the scan has ended and will not change again. */
  public boolean isFinal() {
    return this == CANCELED || this == FINISHED || this == ERROR;
  }

  /** Returns the state named {@code text}, ignoring case. */
  public static Optional<ScanState> parse(String text) {
    for (ScanState state : values()) {
      if (state.apiName.equalsIgnoreCase(text.trim())) {
        return Optional.of(state);
      }
    }
    return Optional.empty();
  }

  /**
   * Sub-states of a scan. Launching goes with Queued, Pausing and Resuming with Paused (while
   * the request waits for the scan task), No_Vuln and No_Host with Finished.
   */
  public enum SubState {
    LAUNCHING("Launching"),
    PAUSING("Pausing"),
    RESUMING("Resuming"),
    NO_VULN("No_Vuln"),
    NO_HOST("No_Host");

    private final String apiName;

    SubState(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }

    /** Returns the sub-state stored as {@code text}, or null for null. */
    static SubState fromApiName(String text) {
      if (text == null) {
        return null;
      }
      for (SubState subState : values()) {
        if (subState.apiName.equals(text)) {
          return subState;
        }
      }
      throw new IllegalStateException("Unknown scan sub-state in the database: " + text);
    }
  }

  static ScanState fromApiName(String text) {
    return parse(text)
        .orElseThrow(() -> new IllegalStateException("Unknown scan state in the database: "
            + text));
  }
}
