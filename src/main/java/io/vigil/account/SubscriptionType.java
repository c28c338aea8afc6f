package io.vigil.account;

/**
 * Kind of subscription. A Consultant subscription scans and reports on behalf of clients, which
 * the scan, schedule and report APIs select with {@code client_id} or {@code client_name}.
 */
public enum SubscriptionType {
  ENTERPRISE("Enterprise"),
  CONSULTANT("Consultant");

  private final String displayName;

  SubscriptionType(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  static SubscriptionType fromDisplayName(String name) {
    for (SubscriptionType type : values()) {
      if (type.displayName.equals(name)) {
        return type;
      }
    }
    throw new IllegalArgumentException("Unknown subscription type: " + name);
  }
}
