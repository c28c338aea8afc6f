package io.vigil.vault.client;

/**
 * Thrown when the TLS connection to the vault fails: untrusted certificate, rejected or unreadable
 * client certificate.
 */
public final class VaultTlsFailedException extends VaultException {
  VaultTlsFailedException(VaultCall call, String problem, String vendorCode, Throwable cause) {
    super(call, problem, vendorCode, cause);
  }
}
