package io.vigil.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down repeated failed logins. Failures are counted per login and client address, so an
 * attacker guessing a password from one address holds back only their own attempts and never
 * locks the real user out. After {@link #FREE_FAILURES} failures, the next attempt is allowed
 * 250 ms after the last failure, a time that doubles per failure up to {@link #MAX_DELAY}; an
 * earlier attempt fails at once, without a password check, so waiting costs no server thread.
 * Counts are forgotten after {@link #MEMORY} without a failure, or at the first success.
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

  /**
   * Returns the pause this login and address must keep after their last failure: zero until
   * {@link #FREE_FAILURES} failures, then growing.
   */
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

  /** Returns how long until an attempt for this login from this address is checked again. */
  public Duration retryAfter(String login, String clientAddress) {
    Duration delay = delayFor(login, clientAddress);
    if (delay.isZero()) {
      return Duration.ZERO;
    }
    Failures entry = failures.get(key(login, clientAddress));
    if (entry == null) {
      return Duration.ZERO;
    }
    Duration remaining = Duration.between(clock.instant(), entry.last().plus(delay));
    return remaining.isNegative() ? Duration.ZERO : remaining;
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
