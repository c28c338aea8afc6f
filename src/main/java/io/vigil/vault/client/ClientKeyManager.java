package io.vigil.vault.client;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Presents the configured client certificate, if any, and notes whether a server asked for one.
 *
 * <p>Under TLS 1.3 the client finishes its side of the handshake before the server checks the
 * client certificate, so a missing or rejected certificate shows up as a connection closed without
 * an HTTP response, not as a handshake error. The recorded request distinguishes that case from a
 * network failure.
 */
final class ClientKeyManager extends X509ExtendedKeyManager {
  private final X509ExtendedKeyManager delegate;
  private volatile boolean certificateRequested;

  /**
   * @param delegate the key manager of the configured keystore, or null to present none
   */
  ClientKeyManager(X509ExtendedKeyManager delegate) {
    this.delegate = delegate;
  }

  /** Returns whether a server asked this client for a certificate in any handshake. */
  boolean certificateRequested() {
    return certificateRequested;
  }

  boolean hasCertificate() {
    return delegate != null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    certificateRequested = true;
    return delegate == null ? null : delegate.chooseClientAlias(keyType, issuers, socket);
  }

  @Override
  public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
    certificateRequested = true;
    return delegate == null ? null : delegate.chooseEngineClientAlias(keyType, issuers, engine);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return delegate == null ? null : delegate.getClientAliases(keyType, issuers);
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return delegate == null ? null : delegate.getCertificateChain(alias);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return delegate == null ? null : delegate.getPrivateKey(alias);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
