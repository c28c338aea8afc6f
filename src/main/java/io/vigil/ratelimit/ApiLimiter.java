package io.vigil.ratelimit;

import io.vigil.account.ApiLimits;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Applies the API limits the way Qualys does: per subscription and per API, a rolling window of
 * calls (each call looks back one window from its own time) and a bound on calls running at once.
 * When both are exceeded, the concurrency limit is reported.
 *
 * <p>NOTE: counts are kept in this process's memory, so each Vigil node of a cluster applies the
 * limits on its own, and a restart resets them.
 */
public final class ApiLimiter {
  private final Clock clock;
  private final Map<String, Usage> usage = new ConcurrentHashMap<>();

  public ApiLimiter(Clock clock) {
    this.clock = clock;
  }

  /** Calls of one API by one subscription. */
  private static final class Usage {
    final Deque<Instant> calls = new ArrayDeque<>();
    int running;
  }

  /**
   * Counts one call and returns a permit that the caller closes when the call ends.
   *
   * @param api name of the API, such as "/api/2.0/fo/scan/ list"
   * @throws LimitExceededException when the call may not run now
   */
  public Permit acquire(long subscriptionId, String api, ApiLimits limits) {
    Usage state = usage.computeIfAbsent(subscriptionId + " " + api, key -> new Usage());
    Instant now = clock.instant();
    synchronized (state) {
      Instant windowStart = now.minusSeconds(limits.windowSeconds());
      while (!state.calls.isEmpty() && !state.calls.peekFirst().isAfter(windowStart)) {
        state.calls.pollFirst();
      }
      if (state.running >= limits.concurrentCalls()) {
        int toFinish = state.running - limits.concurrentCalls() + 1;
        throw LimitExceededException.concurrency(
            toFinish, headers(limits, state.running, 0, remaining(state, limits)));
      }
      if (state.calls.size() >= limits.callsPerWindow()) {
        Instant freeAt = state.calls.peekFirst().plusSeconds(limits.windowSeconds());
        long wait = Math.max(1, ceilSeconds(Duration.between(now, freeAt)));
        throw LimitExceededException.rate(wait, headers(limits, state.running, wait, 0));
      }
      state.calls.addLast(now);
      int othersRunning = state.running;
      state.running++;
      return new Permit(state, headers(limits, othersRunning, 0, remaining(state, limits)));
    }
  }

  private static int remaining(Usage state, ApiLimits limits) {
    return Math.max(0, limits.callsPerWindow() - state.calls.size());
  }

  private static long ceilSeconds(Duration duration) {
    long seconds = duration.getSeconds();
    return duration.getNano() > 0 ? seconds + 1 : seconds;
  }

  private static LimitHeaders headers(ApiLimits limits, int running, long toWait, int remaining) {
    return new LimitHeaders(
        limits.callsPerWindow(),
        limits.windowSeconds(),
        limits.concurrentCalls(),
        running,
        toWait,
        remaining);
  }

  /** One admitted call; closing it frees its concurrency slot. Closing twice has no effect. */
  public static final class Permit implements AutoCloseable {
    private final Usage state;
    private final LimitHeaders headers;
    private boolean closed;

    private Permit(Usage state, LimitHeaders headers) {
      this.state = state;
      this.headers = headers;
    }

    public LimitHeaders headers() {
      return headers;
    }

    @Override
    public void close() {
      synchronized (state) {
        if (!closed) {
          closed = true;
          state.running--;
        }
      }
    }
  }
}
