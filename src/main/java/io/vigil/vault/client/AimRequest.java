package io.vigil.vault.client;

/**
 * An account of a CyberArk Central Credential Provider, found in the safe of the connection.
 *
 * @param folder folder inside the safe, or null for the CCP default {@code Root}
 * @param object the account's object name (the Qualys {@code file} parameter)
 */
public record AimRequest(String folder, String object) implements CredentialRequest {
  public AimRequest {
    VaultConnection.requireText(object, "Object (file)", VaultType.CYBERARK_AIM);
    if (folder != null && folder.isBlank()) {
      folder = null;
    }
  }
}
