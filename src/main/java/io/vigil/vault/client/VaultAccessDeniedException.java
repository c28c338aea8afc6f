package io.vigil.vault.client;

/** Thrown when the vault accepts Vigil's logon but denies it the account or the operation. */
public final class VaultAccessDeniedException extends VaultException {
  VaultAccessDeniedException(VaultCall call, String problem, String vendorCode, Throwable cause) {
    super(call, problem, vendorCode, cause);
  }
}
