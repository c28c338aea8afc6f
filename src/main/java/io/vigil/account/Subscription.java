package io.vigil.account;

/** A customer account: its users, clients, data and API limits. */
public record Subscription(long id, SubscriptionType type, String companyName, ApiLimits limits) {

  public boolean isConsultant() {
    return type == SubscriptionType.CONSULTANT;
  }
}
