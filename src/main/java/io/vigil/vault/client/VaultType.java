package io.vigil.vault.client;

/** Vault products Vigil fetches scan credentials from, with the names the Qualys API uses. */
public enum VaultType {
  CYBERARK_AIM("CyberArk AIM"),
  CYBERARK_PIM_SUITE("CyberArk PIM Suite"),
  WALLIX_WAB("Wallix AdminBastion (WAB)");

  private final String qualysName;

  VaultType(String qualysName) {
    this.qualysName = qualysName;
  }

  /** Returns the value of the Qualys {@code vault_type} parameter, such as "CyberArk AIM". */
  public String qualysName() {
    return qualysName;
  }

  @Override
  public String toString() {
    return qualysName;
  }
}
