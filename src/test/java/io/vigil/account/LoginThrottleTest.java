package io.vigil.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  final MutableClock clock = MutableClock.at("2026-01-01T00:00:00Z");
  final LoginThrottle throttle = new LoginThrottle(clock);

  @Test
  void firstFailuresAreFree() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES - 1; i++) {
      throttle.recordFailure("admin", "10.0.0.5");
    }

    assertThat(throttle.delayFor("admin", "10.0.0.5")).isZero();
  }

  @Test
  void delayDoublesUpToMaximum() {
    for (int i = 0; i < LoginThrottle.FREE_FAILURES; i++) {
      throttle.recordFailure("admin", "10.0.0.5");
    }
    Duration first = throttle.delayFor("admin", "10.0.0.5");
    throttle.recordFailure("admin", "10.0.0.5");
    Duration second = throttle.delayFor("admin", "10.0.0.5");
    for (int i = 0; i < 20; i++) {
      throttle.recordFailure("admin", "10.0.0.5");
    }

    assertThat(first).isEqualTo(Duration.ofMillis(250));
    assertThat(second).isEqualTo(Duration.ofMillis(500));
    assertThat(throttle.delayFor("admin", "10.0.0.5")).isEqualTo(LoginThrottle.MAX_DELAY);
  }

  @Test
  void attackerDoesNotSlowOtherAddresses() {
    for (int i = 0; i < 10; i++) {
      throttle.recordFailure("admin", "203.0.113.9");
    }

    assertThat(throttle.delayFor("admin", "10.0.0.5")).isZero();
  }

  @Test
  void successClearsFailures() {
    for (int i = 0; i < 10; i++) {
      throttle.recordFailure("admin", "10.0.0.5");
    }
    throttle.recordSuccess("admin", "10.0.0.5");

    assertThat(throttle.delayFor("admin", "10.0.0.5")).isZero();
  }

  @Test
  void failuresAreForgottenAfterQuietPeriod() {
    for (int i = 0; i < 10; i++) {
      throttle.recordFailure("admin", "10.0.0.5");
    }
    clock.advance(LoginThrottle.MEMORY.plusSeconds(1));

    assertThat(throttle.delayFor("admin", "10.0.0.5")).isZero();
  }
}
