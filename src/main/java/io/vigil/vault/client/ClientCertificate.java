package io.vigil.vault.client;

import java.nio.file.Path;

/**
 * A client certificate and its private key in a PKCS#12 keystore, presented to a CyberArk Central
 * Credential Provider whose application authentication checks the certificate.
 *
 * @param keystore path of the PKCS#12 file
 * @param password password of the keystore and of its key
 */
public record ClientCertificate(Path keystore, Secret password) {
  public ClientCertificate {
    if (keystore == null) {
      throw new IllegalArgumentException("Client certificate keystore path is missing");
    }
    if (password == null) {
      password = Secret.of("");
    }
  }
}
