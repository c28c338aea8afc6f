package io.vigil.vault.client;

/** Thrown when the vault did not respond within the request timeout on any attempt. */
public final class VaultTimeoutException extends VaultUnavailableException {
  VaultTimeoutException(VaultCall call, String problem, String vendorCode, Throwable cause) {
    super(call, problem, vendorCode, cause);
  }
}
