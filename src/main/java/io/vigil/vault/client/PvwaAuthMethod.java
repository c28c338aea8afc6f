package io.vigil.vault.client;

/** Method by which the PVWA checks the logon of the Vigil user, each with its own logon path. */
public enum PvwaAuthMethod {
  CYBERARK("CyberArk"),
  LDAP("LDAP"),
  RADIUS("RADIUS"),
  WINDOWS("Windows");

  private final String pathSegment;

  PvwaAuthMethod(String pathSegment) {
    this.pathSegment = pathSegment;
  }

  /** Returns the segment of {@code /PasswordVault/API/auth/{method}/Logon}. */
  public String pathSegment() {
    return pathSegment;
  }
}
