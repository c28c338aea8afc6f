package io.vigil.vault.client;

/**
 * Thrown when no account matches the request, or the vault hides an account it does not let Vigil
 * see.
 */
public final class VaultAccountNotFoundException extends VaultException {
  VaultAccountNotFoundException(
      VaultCall call, String problem, String vendorCode, Throwable cause) {
    super(call, problem, vendorCode, cause);
  }
}
