package io.vigil.account;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** User roles of a subscription, with the names Qualys shows for them. */
public enum Role {
  MANAGER("Manager"),
  UNIT_MANAGER("Unit Manager"),
  SCANNER("Scanner"),
  READER("Reader"),
  AUDITOR("Auditor");

  private final String displayName;

  Role(String displayName) {
    this.displayName = displayName;
  }

  public String displayName() {
    return displayName;
  }

  /**
   * Parses a role from its display name ("Unit Manager") or its constant name ("unit_manager"),
   * ignoring case.
   */
  public static Optional<Role> parse(String text) {
    String wanted = text.trim().replace('_', ' ').replace('-', ' ').toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(role -> role.displayName.toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst();
  }
}
