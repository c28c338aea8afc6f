package io.vigil.ratelimit;

import io.vigil.wire.ApiErrorCode;
import io.vigil.wire.ApiException;
import java.util.Map;

/** A call refused by the rate limit (code 1965) or the concurrency limit (code 1960). */
public final class LimitExceededException extends ApiException {
  private final LimitHeaders headers;

  private LimitExceededException(
      ApiErrorCode code, String text, Map<String, String> items, LimitHeaders headers) {
    super(code, text, items);
    this.headers = headers;
  }

  public LimitHeaders headers() {
    return headers;
  }

  static LimitExceededException concurrency(int callsToFinish, LimitHeaders headers) {
    String text =
        callsToFinish == 1
            ? "This API cannot be run again until 1 currently running API instance has finished."
            : "This API cannot be run again until "
                + callsToFinish
                + " currently running API instances have finished.";
    return new LimitExceededException(
        ApiErrorCode.CONCURRENCY_LIMIT,
        text,
        Map.of("CALLS_TO_FINISH", Integer.toString(callsToFinish)),
        headers);
  }

  static LimitExceededException rate(long secondsToWait, LimitHeaders headers) {
    return new LimitExceededException(
        ApiErrorCode.RATE_LIMIT,
        "This API cannot be run again for another " + describe(secondsToWait) + ".",
        Map.of("SECONDS_TO_WAIT", Long.toString(secondsToWait)),
        headers);
  }

  /** Writes a wait as Qualys does: "23 hours, 57 minutes and 54 seconds". */
  static String describe(long seconds) {
    long hours = seconds / 3600;
    long minutes = seconds % 3600 / 60;
    long rest = seconds % 60;
    if (hours > 0) {
      return unit(hours, "hour") + ", " + unit(minutes, "minute") + " and " + unit(rest, "second");
    }
    if (minutes > 0) {
      return unit(minutes, "minute") + " and " + unit(rest, "second");
    }
    return unit(rest, "second");
  }

  private static String unit(long value, String name) {
    return value + " " + name + (value == 1 ? "" : "s");
  }
}
