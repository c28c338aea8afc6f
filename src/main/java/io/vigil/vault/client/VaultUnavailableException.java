package io.vigil.vault.client;

/**
 * Thrown when the vault cannot be reached, keeps failing with server errors, or cannot reach its
 * own backend.
 */
public class VaultUnavailableException extends VaultException {
  VaultUnavailableException(VaultCall call, String problem, String vendorCode, Throwable cause) {
    super(call, problem, vendorCode, cause);
  }
}
