package io.vigil.account;

import java.time.Instant;

/** A user of a subscription. The password hash stays inside the account package. */
public record User(
    long id,
    long subscriptionId,
    String login,
    Role role,
    String firstName,
    String lastName,
    String email,
    UserStatus status,
    Instant createdAt) {

  public boolean isActive() {
    return status == UserStatus.ACTIVE;
  }
}
