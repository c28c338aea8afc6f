package io.vigil.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.account.ApiLimits;
import io.vigil.testing.MutableClock;
import io.vigil.wire.ApiErrorCode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiLimiterTest {
  final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  final ApiLimiter limiter = new ApiLimiter(clock);
  final ApiLimits limits = new ApiLimits(2, 3600, 1);

  @Test
  void windowRollsFromEachCall() {
    limiter.acquire(1, "scan list", limits).close();
    clock.advance(Duration.ofMinutes(30));
    limiter.acquire(1, "scan list", limits).close();
    clock.advance(Duration.ofMinutes(30).plusSeconds(1));

    ApiLimiter.Permit third = limiter.acquire(1, "scan list", limits);

    assertThat(third.headers().remaining()).isZero();
  }

  @Test
  void rateBlockReportsSecondsToWait() {
    limiter.acquire(1, "scan list", limits).close();
    clock.advance(Duration.ofMinutes(10));
    limiter.acquire(1, "scan list", limits).close();

    assertThatThrownBy(() -> limiter.acquire(1, "scan list", limits))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ApiErrorCode.RATE_LIMIT);
              assertThat(e.items()).containsEntry("SECONDS_TO_WAIT", "3000");
              assertThat(e.text())
                  .isEqualTo("This API cannot be run again for another 50 minutes and 0 seconds.");
            });
  }

  @Test
  void concurrencyIsCheckedBeforeRate() {
    ApiLimits oneCall = new ApiLimits(1, 3600, 1);
    ApiLimiter.Permit running = limiter.acquire(1, "report fetch", oneCall);

    assertThatThrownBy(() -> limiter.acquire(1, "report fetch", oneCall))
        .isInstanceOfSatisfying(
            LimitExceededException.class,
            e -> assertThat(e.code()).isEqualTo(ApiErrorCode.CONCURRENCY_LIMIT));
    running.close();
  }

  @Test
  void limitsAreSeparatePerApiAndSubscription() {
    limiter.acquire(1, "scan list", limits).close();
    limiter.acquire(1, "scan list", limits).close();

    ApiLimiter.Permit otherApi = limiter.acquire(1, "report list", limits);
    ApiLimiter.Permit otherSubscription = limiter.acquire(2, "scan list", limits);

    assertThat(otherApi.headers().remaining()).isEqualTo(1);
    assertThat(otherSubscription.headers().remaining()).isEqualTo(1);
  }

  @Test
  void closingPermitTwiceFreesOneSlot() {
    ApiLimiter.Permit permit = limiter.acquire(1, "scan list", new ApiLimits(10, 60, 2));
    permit.close();
    permit.close();

    ApiLimiter.Permit next = limiter.acquire(1, "scan list", new ApiLimits(10, 60, 2));

    assertThat(next.headers().running()).isZero();
  }

  @Test
  void waitIsWrittenInHoursMinutesSeconds() {
    assertThat(LimitExceededException.describe(86_274))
        .isEqualTo("23 hours, 57 minutes and 54 seconds");
    assertThat(LimitExceededException.describe(61)).isEqualTo("1 minute and 1 second");
    assertThat(LimitExceededException.describe(5)).isEqualTo("5 seconds");
  }
}
