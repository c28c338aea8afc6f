package io.vigil.vault.client;

import java.time.Duration;

/**
 * Timeouts and retries of vault calls, the same for every vault.
 *
 * @param connectTimeout bound on opening a TCP connection
 * @param requestTimeout bound on one HTTP exchange, from sending the request to the end of the
 *     response headers
 * @param maxAttempts attempts per HTTP call, at least 1. Only timeouts, connection failures and 5xx
 *     responses are retried.
 * @param initialBackoff wait before the second attempt; each later wait doubles, up to {@code
 *     maxBackoff}, and a random half of it is dropped so that scanners do not retry in step
 * @param maxBackoff bound on the wait between two attempts
 */
public record VaultClientSettings(
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    Duration initialBackoff,
    Duration maxBackoff) {

  public VaultClientSettings {
    requirePositive(connectTimeout, "connectTimeout");
    requirePositive(requestTimeout, "requestTimeout");
    requirePositive(initialBackoff, "initialBackoff");
    requirePositive(maxBackoff, "maxBackoff");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /**
   * Returns 10 s to connect, 30 s per request (the default of the vendors' Ansible modules), 3
   * attempts and backoff from 500 ms up to 4 s.
   */
  public static VaultClientSettings defaults() {
    return new VaultClientSettings(
        Duration.ofSeconds(10),
        Duration.ofSeconds(30),
        3,
        Duration.ofMillis(500),
        Duration.ofSeconds(4));
  }

  private static void requirePositive(Duration value, String name) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
    }
  }
}
