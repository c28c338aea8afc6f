package io.vigil.vault.client;

/**
 * Fetches one scan credential from a vault. Implementations are thread-safe and keep one HTTP
 * client per vault, so create each once and share it.
 */
public interface VaultClient {

  /**
   * Fetches the credential that {@code request} names from the vault of {@code connection}.
   *
   * @param targetHost the host being scanned, for messages, logs and the vault's audit reason
   * @throws IllegalArgumentException when the connection or request is of another vault type
   * @throws VaultException named for what failed, as its subclasses list
   */
  Credential fetch(VaultConnection connection, CredentialRequest request, String targetHost);
}
