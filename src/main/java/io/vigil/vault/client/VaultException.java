package io.vigil.vault.client;

import io.vigil.VigilException;

/**
 * Root of the failures to fetch a credential from a vault. The message and the fields name the
 * vault type, the vault host, the scan target and the step that failed. They never contain a
 * secret.
 */
public class VaultException extends VigilException {
  private final VaultType vaultType;
  private final String vaultHost;
  private final String targetHost;
  private final String operation;
  private final String vendorCode;

  /**
   * @param problem what went wrong and what to do, with the vault's own error text and code
   * @param vendorCode the vault's error code, or null
   */
  VaultException(VaultCall call, String problem, String vendorCode, Throwable cause) {
    super(message(call, problem), cause);
    this.vaultType = call.type();
    this.vaultHost = call.vaultHost();
    this.targetHost = call.targetHost();
    this.operation = call.operation();
    this.vendorCode = vendorCode;
  }

  private static String message(VaultCall call, String problem) {
    return call.type()
        + " vault "
        + call.vaultHost()
        + ": "
        + call.operation()
        + " for target host "
        + call.targetHost()
        + " failed: "
        + problem;
  }

  public VaultType vaultType() {
    return vaultType;
  }

  /** Returns the vault's host, with the port when the URL names one. */
  public String vaultHost() {
    return vaultHost;
  }

  public String targetHost() {
    return targetHost;
  }

  /** Returns the step that failed, such as "logon", "account search" or "password checkout". */
  public String operation() {
    return operation;
  }

  /** Returns the vault's own error code, such as APPAP004E, or null when it sent none. */
  public String vendorCode() {
    return vendorCode;
  }
}
