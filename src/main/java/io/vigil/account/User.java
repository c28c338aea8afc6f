package io.vigil.account;

import java.time.Instant;

/**
 * A user of a subscription. The password hash stays inside the account package.
 *
 * @param canManageAuth whether a Unit Manager may manage vaults and authentication records
 */
public record User(
    long id,
    long subscriptionId,
    String login,
    Role role,
    String firstName,
    String lastName,
    String email,
    UserStatus status,
    Instant createdAt,
    boolean canManageAuth) {

  public boolean isActive() {
    return status == UserStatus.ACTIVE;
  }
}
