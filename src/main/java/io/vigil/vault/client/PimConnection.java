package io.vigil.vault.client;

import java.net.URI;

/**
 * A CyberArk PIM Suite vault reached through the Password Vault Web Access (PVWA) REST API of
 * version 10.4 or later.
 *
 * <p>The URL is the PVWA server ({@code https://pvwa.example.test}, meaning the default IIS
 * application {@code /PasswordVault}) or the application URL itself ({@code
 * https://pvwa.example.test/PasswordVault}).
 *
 * @param url URL of the PVWA
 * @param username the Vault user Vigil logs on as
 * @param password that user's password
 * @param authMethod how the PVWA checks the logon, or null for {@link PvwaAuthMethod#CYBERARK}
 * @param sslVerify whether the PVWA's certificate and host name are checked
 */
public record PimConnection(
    URI url, String username, Secret password, PvwaAuthMethod authMethod, boolean sslVerify)
    implements VaultConnection {

  public PimConnection {
    VaultConnection.requireHttpUrl(url, VaultType.CYBERARK_PIM_SUITE);
    VaultConnection.requireText(username, "username", VaultType.CYBERARK_PIM_SUITE);
    if (password == null) {
      throw new IllegalArgumentException(
          VaultType.CYBERARK_PIM_SUITE + " vault: password is missing");
    }
    if (authMethod == null) {
      authMethod = PvwaAuthMethod.CYBERARK;
    }
  }

  @Override
  public VaultType type() {
    return VaultType.CYBERARK_PIM_SUITE;
  }
}
