package io.vigil.vault.client;

/** Thrown when the request matches more than one account. */
public final class VaultAccountAmbiguousException extends VaultException {
  VaultAccountAmbiguousException(
      VaultCall call, String problem, String vendorCode, Throwable cause) {
    super(call, problem, vendorCode, cause);
  }
}
