package io.vigil.vault.client;

import java.net.URI;

/**
 * One step of a credential fetch, named for logs and exceptions: which vault, for which scan
 * target, doing what (such as "logon" or "password retrieval").
 */
record VaultCall(VaultType type, URI vaultUrl, String targetHost, String operation) {

  static VaultCall of(VaultConnection connection, String targetHost, String operation) {
    return new VaultCall(connection.type(), connection.url(), targetHost, operation);
  }

  VaultCall withOperation(String newOperation) {
    return new VaultCall(type, vaultUrl, targetHost, newOperation);
  }

  /** Returns the vault's host and port, such as {@code ccp.example.test:8443}. */
  String vaultHost() {
    String host = vaultUrl.getHost();
    return vaultUrl.getPort() < 0 ? host : host + ":" + vaultUrl.getPort();
  }
}
