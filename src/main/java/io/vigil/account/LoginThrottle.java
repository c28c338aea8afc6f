package io.vigil.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down repeated failed logins. Failures are counted per login and client address, so an
 * attacker guessing a password from one address delays only their own attempts and never locks the
 * real user out. After {@link #FREE_FAILURES} failures, each further attempt waits 250 ms, doubled
 * per failure up to {@link #MAX_DELAY}. Counts are forgotten after {@link #MEMORY} without a
 * failure, or at the first success.
 */
public final class LoginThrottle {
  static final int FREE_FAILURES = 3;
  static final Duration MAX_DELAY = Duration.ofSeconds(8);
  static final Duration MEMORY = Duration.ofMinutes(15);

  /** Entries kept at most, so a flood of random logins cannot exhaust memory. */
  private static final int MAX_ENTRIES = 100_000;

  private final Clock clock;
  private final Map<String, Failures> failures = new ConcurrentHashMap<>();

  private record Failures(int count, Instant last) {}

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /** Returns how long an attempt for this login from this address must wait before it is checked. */
  public Duration delayFor(String login, String clientAddress) {
    Failures entry = failures.get(key(login, clientAddress));
    if (entry == null || isForgotten(entry, clock.instant())) {
      return Duration.ZERO;
    }
    int excess = entry.count() - FREE_FAILURES;
    if (excess < 0) {
      return Duration.ZERO;
    }
    long millis = 250L << Math.min(excess, 10);
    return Duration.ofMillis(Math.min(millis, MAX_DELAY.toMillis()));
  }

  public void recordFailure(String login, String clientAddress) {
    Instant now = clock.instant();
    if (failures.size() >= MAX_ENTRIES) {
      evictForgotten(now);
    }
    failures.compute(
        key(login, clientAddress),
        (key, old) ->
            old == null || isForgotten(old, now)
                ? new Failures(1, now)
                : new Failures(old.count() + 1, now));
  }

  public void recordSuccess(String login, String clientAddress) {
    failures.remove(key(login, clientAddress));
  }

  private boolean isForgotten(Failures entry, Instant now) {
    return entry.last().plus(MEMORY).isBefore(now);
  }

  private void evictForgotten(Instant now) {
    Iterator<Failures> values = failures.values().iterator();
    while (values.hasNext()) {
      if (isForgotten(values.next(), now)) {
        values.remove();
      }
    }
    if (failures.size() >= MAX_ENTRIES) {
      // Still full of fresh entries: drop them all rather than grow without bound.
      failures.clear();
    }
  }

  private static String key(String login, String clientAddress) {
    return login + '\n' + clientAddress;
  }
}
