package io.vigil.vault.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed keystores made with the JDK's keytool once per test run: the stub servers' key
 * (SAN ip:127.0.0.1), a client certificate the stubs trust, and one they do not.
 */
final class TestCertificates {
  static final String PASSWORD = "stub-keystore-pass";

  private static TestCertificates instance;

  final Path directory;
  final Path serverKeystore;
  final Path clientKeystore;
  final Path untrustedClientKeystore;
  final Path serverTruststore;

  private TestCertificates(Path directory) {
    this.directory = directory;
    this.serverKeystore = directory.resolve("server.p12");
    this.clientKeystore = directory.resolve("client.p12");
    this.untrustedClientKeystore = directory.resolve("untrusted-client.p12");
    this.serverTruststore = directory.resolve("server-trust.p12");
  }

  static synchronized TestCertificates get() {
    if (instance == null) {
      try {
        Path directory = Files.createTempDirectory("vigil-vault-tls");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(directory)));
        TestCertificates created = new TestCertificates(directory);
        created.generate();
        instance = created;
      } catch (IOException e) {
        throw new IllegalStateException("Creating the test keystores failed", e);
      }
    }
    return instance;
  }

  /** Returns a server TLS context; it trusts {@link #clientKeystore} for client authentication. */
  SSLContext serverContext() {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(load(serverKeystore), PASSWORD.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(load(serverTruststore));
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("Loading the stub server keystores failed", e);
    }
  }

  private void generate() {
    keytool("-genkeypair", "-alias", "server", "-keyalg", "EC", "-keysize", "256",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", serverKeystore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-keysize", "256",
        "-dname", "CN=vigil-scanner", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", clientKeystore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD);
    keytool("-genkeypair", "-alias", "client", "-keyalg", "EC", "-keysize", "256",
        "-dname", "CN=someone-else", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", untrustedClientKeystore.toString(),
        "-storepass", PASSWORD, "-keypass", PASSWORD);
    Path clientCertificate = directory.resolve("client.cer");
    keytool("-exportcert", "-alias", "client", "-keystore", clientKeystore.toString(),
        "-storepass", PASSWORD, "-file", clientCertificate.toString());
    keytool("-importcert", "-noprompt", "-alias", "client", "-file", clientCertificate.toString(),
        "-storetype", "PKCS12", "-keystore", serverTruststore.toString(),
        "-storepass", PASSWORD);
  }

  private static void keytool(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("Running keytool failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while running keytool", e);
    }
  }

  private static KeyStore load(Path file) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      store.load(in, PASSWORD.toCharArray());
    }
    return store;
  }

  private static void deleteTree(Path directory) {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
    } catch (IOException e) {
      // A leftover temporary directory does no harm.
    }
  }
}
