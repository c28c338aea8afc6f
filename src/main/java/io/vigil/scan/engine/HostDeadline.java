package io.vigil.scan.engine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** The time by which one host scan must end, read from the engine's clock. */
final class HostDeadline {
  private final Clock clock;
  private final Instant end;
  private final Duration limit;

  HostDeadline(Clock clock, Instant start, Duration limit) {
    this.clock = clock;
    this.end = start.plus(limit);
    this.limit = limit;
  }

  private static String describe(Duration limit) {
    long seconds = limit.toSeconds();
    return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
  }

  /** Returns the time left until the deadline by the engine's clock, or zero once it passed. */
  Duration remaining() {
    Duration left = Duration.between(clock.instant(), end);
    return left.isNegative() ? Duration.ZERO : left;
  }

  /**
   * Throws when the deadline has passed or the thread was interrupted, so a scan stops between
   * probes.
   */
  void check() {
    if (Thread.currentThread().isInterrupted()) {
      throw new HostScanAbortedException("the scan thread was interrupted");
    }
    if (clock.instant().isAfter(end)) {
      throw new HostScanAbortedException(
          "the host scan took longer than the option profile's limit of " + describe(limit)
              + " per host");
    }
  }
}
