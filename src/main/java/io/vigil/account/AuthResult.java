package io.vigil.account;

/** Outcome of checking a login and password. */
public sealed interface AuthResult {
  /** The password matched an active user. */
  record Authenticated(User user) implements AuthResult {}

  /** Unknown login or wrong password; the two are not told apart. */
  record BadCredentials() implements AuthResult {}

  /** Too soon after repeated failures: the password was not checked. */
  record Throttled(java.time.Duration retryAfter) implements AuthResult {}

  /** The password matched, but the user is disabled. */
  record Inactive(User user) implements AuthResult {}
}
