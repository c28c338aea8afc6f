package io.vigil.vault.client;

/**
 * Thrown when a request value cannot be sent as it is, or the vault rejects the request as
 * malformed.
 */
public final class VaultRequestInvalidException extends VaultException {
  VaultRequestInvalidException(VaultCall call, String problem, String vendorCode, Throwable cause) {
    super(call, problem, vendorCode, cause);
  }
}
