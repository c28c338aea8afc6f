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
 * Self-signed keystores made with the JDK's keytool once per test run: the stub servers' key (SAN
 * ip:127.0.0.1), a client certificate the stubs trust, and one they do not.
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

  /** Returns a server TLS context that trusts {@link #clientKeystore} for client authentication. */
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
    generateKeyPair(serverKeystore, "server", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1");
    generateKeyPair(clientKeystore, "client", "CN=vigil-scanner");
    generateKeyPair(untrustedClientKeystore, "client", "CN=someone-else");

    Path clientCertificate = directory.resolve("client.cer");
    keytool(
        clientKeystore, "-exportcert", "-alias", "client", "-file", clientCertificate.toString());
    keytool(
        serverTruststore,
        "-importcert",
        "-noprompt",
        "-alias",
        "client",
        "-file",
        clientCertificate.toString());
  }

  private static void generateKeyPair(Path keystore, String alias, String name, String... more) {
    List<String> arguments = new ArrayList<>(List.of("-genkeypair", "-alias", alias));
    arguments.addAll(List.of("-dname", name, "-keyalg", "EC", "-keysize", "256"));
    arguments.addAll(List.of("-validity", "2"));
    arguments.addAll(List.of(more));
    keytool(keystore, arguments.toArray(new String[0]));
  }

  /** Runs keytool on a PKCS#12 keystore, whose key password is its store password. */
  private static void keytool(Path keystore, String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    command.addAll(List.of("-storetype", "PKCS12", "-keystore", keystore.toString()));
    command.addAll(List.of("-storepass", PASSWORD));
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
