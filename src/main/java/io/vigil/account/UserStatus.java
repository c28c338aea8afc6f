package io.vigil.account;

/** Whether a user may log in. */
public enum UserStatus {
  ACTIVE("Active"),
  INACTIVE("Inactive");

  private final String displayName;

  UserStatus(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  static UserStatus fromDisplayName(String name) {
    return name.equals(ACTIVE.displayName) ? ACTIVE : INACTIVE;
  }
}
