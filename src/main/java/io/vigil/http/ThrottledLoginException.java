package io.vigil.http;

import io.vigil.wire.ApiErrorCode;
import io.vigil.wire.ApiException;
import java.time.Duration;

/**
 * A login attempt that came too soon after repeated failures. It gets the same code and text as a
 * wrong password, so it tells an attacker nothing, plus a Retry-After header.
 */
final class ThrottledLoginException extends ApiException {
  private final long retryAfterSeconds;

  ThrottledLoginException(Duration retryAfter) {
    super(ApiErrorCode.BAD_LOGIN, "Bad Login/Password");
    long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
    this.retryAfterSeconds = Math.max(1, seconds);
  }

  long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
