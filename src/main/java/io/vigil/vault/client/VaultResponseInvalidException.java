package io.vigil.vault.client;

/**
 * Thrown when the vault's response is not what its API documents, such as an HTML page instead of
 * JSON.
 */
public final class VaultResponseInvalidException extends VaultException {
  VaultResponseInvalidException(
      VaultCall call, String problem, String vendorCode, Throwable cause) {
    super(call, problem, vendorCode, cause);
  }
}
