package io.vigil.account;

/**
 * Limits on API calls, applied per subscription and per API.
 *
 * @param callsPerWindow calls allowed in any rolling window
 * @param windowSeconds length of the rolling window in seconds
 * @param concurrentCalls calls of one API that may run at once
 */
public record ApiLimits(int callsPerWindow, int windowSeconds, int concurrentCalls) {

  /**
   * Default of a self-hosted Vigil: 10,000 calls per hour and 10 concurrent calls per API. Qualys'
   * own tiers are far lower (see {@link #STANDARD}); a self-hosted server has no other tenants to
   * protect, so the default only stops runaway scripts.
   */
  public static final ApiLimits SELF_HOSTED = new ApiLimits(10_000, 3600, 10);

  /** Qualys Express and Consultant tiers: 50 calls per day, 1 at a time. */
  public static final ApiLimits EXPRESS = new ApiLimits(50, 86_400, 1);

  /** Qualys Standard tier, the values seen in real responses: 300 calls per hour, 2 at a time. */
  public static final ApiLimits STANDARD = new ApiLimits(300, 3600, 2);

  public ApiLimits {
    if (callsPerWindow < 1 || windowSeconds < 1 || concurrentCalls < 1) {
      throw new IllegalArgumentException(
          "API limits must be positive: calls="
              + callsPerWindow
              + " window="
              + windowSeconds
              + "s concurrency="
              + concurrentCalls);
    }
  }
}
