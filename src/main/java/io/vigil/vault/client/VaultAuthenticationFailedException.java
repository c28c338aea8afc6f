package io.vigil.vault.client;

/**
 * Thrown when the vault rejects Vigil's user, password, API key, application id or client
 * certificate.
 */
public final class VaultAuthenticationFailedException extends VaultException {
  VaultAuthenticationFailedException(
      VaultCall call, String problem, String vendorCode, Throwable cause) {
    super(call, problem, vendorCode, cause);
  }
}
