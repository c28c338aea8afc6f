package io.vigil.asset;

import java.time.Instant;

/**
 * The comment and expiry of an exclusion of IPs from every scan.
 *
 * @param expiresAt when the exclusion stops applying, or null when it never does
 */
public record Exclusion(Instant expiresAt, String comment) {

  /** Returns true when the exclusion still applies at {@code now}. */
  public boolean appliesAt(Instant now) {
    return expiresAt == null || now.isBefore(expiresAt);
  }
}
