package io.vigil.vault.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.cert.X509Certificate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one {@link HttpClient} per vault and TLS setup and keeps it, so that calls to the same
 * vault share connections. A changed client-certificate keystore file gets a new client.
 */
final class HttpClientCache {
  private static final Logger log = LoggerFactory.getLogger(HttpClientCache.class);

  private record Key(String origin, boolean sslVerify, Path keystore, long keystoreModified) {}

  /** A client with the key manager that notes whether the vault asked for a certificate. */
  record CachedClient(HttpClient http, ClientKeyManager keyManager) {}

  private final VaultClientSettings settings;
  private final Map<Key, CachedClient> clients = new ConcurrentHashMap<>();
  private final Set<String> insecureVaultsWarned = ConcurrentHashMap.newKeySet();

  HttpClientCache(VaultClientSettings settings) {
    this.settings = settings;
  }

  CachedClient clientFor(VaultCall call, VaultConnection connection) {
    ClientCertificate certificate =
        connection instanceof AimConnection aim ? aim.clientCertificate() : null;
    Path keystore = certificate == null ? null : certificate.keystore().toAbsolutePath();
    String origin = connection.url().getScheme() + "://" + connection.url().getRawAuthority();
    Key key = new Key(origin, connection.sslVerify(), keystore, lastModified(keystore));

    CachedClient cached = clients.get(key);
    if (cached != null) {
      return cached;
    }
    CachedClient created = create(call, connection, certificate);
    CachedClient previous = clients.putIfAbsent(key, created);
    return previous != null ? previous : created;
  }

  private CachedClient create(VaultCall call, VaultConnection connection, ClientCertificate cert) {
    if (!connection.sslVerify() && insecureVaultsWarned.add(connection.url().toString())) {
      log.warn(
          "{} vault {}: ssl_verify=0, so its certificate and host name are not checked",
          call.type(),
          call.vaultHost());
    }
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      TrustManager[] trust = connection.sslVerify() ? null : new TrustManager[] {new TrustAll()};
      ClientKeyManager keyManager = new ClientKeyManager(keyManager(call, cert));
      context.init(new KeyManager[] {keyManager}, trust, null);
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(settings.connectTimeout())
              .followRedirects(HttpClient.Redirect.NEVER)
              .sslContext(context)
              .build();
      return new CachedClient(http, keyManager);
    } catch (GeneralSecurityException e) {
      throw new VaultTlsFailedException(call, "TLS setup failed: " + e.getMessage(), null, e);
    }
  }

  private static X509ExtendedKeyManager keyManager(VaultCall call, ClientCertificate cert) {
    if (cert == null) {
      return null;
    }
    char[] password = cert.password().view();
    try (InputStream in = Files.newInputStream(cert.keystore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(store, password);
      for (KeyManager candidate : factory.getKeyManagers()) {
        if (candidate instanceof X509ExtendedKeyManager x509) {
          return x509;
        }
      }
      throw new KeyStoreException("no X.509 key manager for the keystore");
    } catch (IOException | GeneralSecurityException e) {
      // A wrong password makes load() throw an IOException whose message contains no secret.
      throw new VaultTlsFailedException(
          call,
          "client certificate keystore "
              + cert.keystore()
              + " cannot be read as PKCS#12 ("
              + e.getMessage()
              + "); check the path and the keystore password",
          null,
          e);
    }
  }

  private static long lastModified(Path file) {
    try {
      return file == null ? 0 : Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return -1; // reported when the keystore is read
    }
  }

  /**
   * Accepts every server certificate, for vaults with ssl_verify=0. Being an extended trust
   * manager, it also skips the host name check that the JDK adds around a plain one.
   */
  private static final class TrustAll extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
