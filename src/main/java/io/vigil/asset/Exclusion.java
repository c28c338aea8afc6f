package io.vigil.asset;

import java.time.Instant;

/**
 * Why and until when IPs are excluded from every scan.
 *
 * @param expiresAt when the exclusion stops applying, or null when it never does
 */
public record Exclusion(Instant expiresAt, String comment) {

  /** Whether the exclusion still applies at {@code now}. */
  public boolean appliesAt(Instant now) {
    return expiresAt == null || now.isBefore(expiresAt);
  }
}
