package io.vigil.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * Starts private instances of real servers from the Debian packages for scan tests: OpenSSH's
 * sshd, nginx with an HTTP and a TLS port, Postfix and Redis. Each instance listens only on
 * 127.0.0.1 on a free high port and keeps its configuration, keys, pid file and logs in the
 * given directory. The system services and their configuration stay untouched, and the only file
 * outside the directory is /run/sshd, which {@link #sshd} creates when missing. Each method skips
 * the test with an assumption when the program is not installed.
 */
public final class RealDaemons {
  public static final Path SSHD = Path.of("/usr/sbin/sshd");
  public static final Path SSH_KEYGEN = Path.of("/usr/bin/ssh-keygen");
  public static final Path NGINX = Path.of("/usr/sbin/nginx");
  public static final Path OPENSSL = Path.of("/usr/bin/openssl");
  public static final Path POSTFIX = Path.of("/usr/sbin/postfix");
  public static final Path REDIS = Path.of("/usr/bin/redis-server");

  /** Subject of the self-signed certificate on nginx's TLS port, in OpenSSL's order. */
  public static final String TLS_SUBJECT = "/O=Vigil Tests/CN=real-target.vigil.test";

  /** Host name that Postfix announces in its 220 greeting. */
  public static final String MAIL_HOST_NAME = "mail.real-target.vigil.test";

  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(30);

  private RealDaemons() {}

  /**
   * Starts sshd with its own configuration and Ed25519 host key. sshd checks that its privilege
   * separation directory /run/sshd exists, so this creates it when missing.
   */
  public static RealDaemon sshd(Path dir) throws IOException {
    RealDaemon.assumeInstalled(SSHD, "openssh-server");
    RealDaemon.assumeRoot("sshd switches to its privilege separation user");
    Path hostKey = dir.resolve("ssh_host_ed25519_key");
    RealDaemon.run(List.of(SSH_KEYGEN.toString(), "-q", "-t", "ed25519", "-N", "", "-C",
        "vigil-test", "-f", hostKey.toString()), COMMAND_TIMEOUT);
    Files.createDirectories(Path.of("/run/sshd"));
    int port = RealDaemon.freePort();
    Path config = dir.resolve("sshd_config");
    Files.writeString(config, String.join("\n",
        "ListenAddress 127.0.0.1:" + port,
        "HostKey " + hostKey,
        "PidFile " + dir.resolve("sshd.pid"),
        "UsePAM no",
        "PasswordAuthentication no",
        "KbdInteractiveAuthentication no",
        "AuthorizedKeysFile none",
        "PermitRootLogin no",
        ""));
    // -D keeps sshd in the foreground and -e sends its log to stderr. sshd rejects a start
    // by a relative path, so the command names /usr/sbin/sshd.
    return RealDaemon.start("sshd", List.of(SSHD.toString(), "-D", "-e", "-f",
        config.toString(), "-p", Integer.toString(port)), List.of(port),
        dir.resolve("sshd.log"), () -> {});
  }

  /**
   * Starts nginx in one process (no master) with a plain HTTP port and a TLS port that serves a
   * self-signed EC certificate with subject {@link #TLS_SUBJECT}, made by openssl for this run.
   * {@link RealDaemon#ports()} returns the HTTP port first, then the TLS port.
   */
  public static RealDaemon nginx(Path dir) throws IOException {
    RealDaemon.assumeInstalled(NGINX, "nginx");
    RealDaemon.assumeInstalled(OPENSSL, "openssl");
    Path key = dir.resolve("tls-key.pem");
    Path certificate = dir.resolve("tls-cert.pem");
    RealDaemon.run(List.of(OPENSSL.toString(), "req", "-x509", "-newkey", "ec", "-pkeyopt",
        "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", TLS_SUBJECT,
        "-keyout", key.toString(), "-out", certificate.toString()), COMMAND_TIMEOUT);

    Path root = Files.createDirectories(dir.resolve("www"));
    Files.writeString(root.resolve("index.html"),
        "<html><head><title>Vigil real target</title></head><body>ok</body></html>\n");

    int httpPort = RealDaemon.freePort();
    int tlsPort = RealDaemon.freePort();
    Path config = dir.resolve("nginx.conf");
    Files.writeString(config, String.join("\n",
        "master_process off;",
        "pid " + dir.resolve("nginx.pid") + ";",
        "error_log " + dir.resolve("nginx-error.log") + " info;",
        "events { worker_connections 64; }",
        "http {",
        "  access_log " + dir.resolve("nginx-access.log") + ";",
        "  client_body_temp_path " + dir.resolve("client-body") + ";",
        "  proxy_temp_path " + dir.resolve("proxy") + ";",
        "  fastcgi_temp_path " + dir.resolve("fastcgi") + ";",
        "  uwsgi_temp_path " + dir.resolve("uwsgi") + ";",
        "  scgi_temp_path " + dir.resolve("scgi") + ";",
        "  server {",
        "    listen 127.0.0.1:" + httpPort + ";",
        "    root " + root + ";",
        "  }",
        "  server {",
        "    listen 127.0.0.1:" + tlsPort + " ssl;",
        "    ssl_certificate " + certificate + ";",
        "    ssl_certificate_key " + key + ";",
        "    root " + root + ";",
        "  }",
        "}",
        ""));

    // -e moves the log that nginx opens before it reads the configuration out of /var/log.
    return RealDaemon.start("nginx", List.of(NGINX.toString(), "-p", dir.toString(), "-e",
        dir.resolve("nginx-error.log").toString(), "-c", config.toString(), "-g",
        "daemon off;"), List.of(httpPort, tlsPort), dir.resolve("nginx.log"), () -> {});
  }

  /** Reads the certificate that {@link #nginx} serves on its TLS port. */
  public static X509Certificate nginxCertificate(Path dir) throws IOException {
    try (InputStream in = Files.newInputStream(dir.resolve("tls-cert.pem"))) {
      return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
    } catch (CertificateException e) {
      throw new IOException("Invalid test certificate in " + dir, e);
    }
  }

  /**
   * Starts a private Postfix instance with its own configuration, queue and data directories:
   * the master daemon in the foreground ("postfix start-fg"), an smtpd on 127.0.0.1, and the
   * proxymap and postlogd services that smtpd and logging need. It delivers no mail. The
   * postfix user must be able to enter the parents of {@code dir}.
   */
  public static RealDaemon postfix(Path dir) throws IOException {
    RealDaemon.assumeInstalled(POSTFIX, "postfix");
    RealDaemon.assumeRoot("the Postfix master daemon runs as root");
    // Postfix daemons run as the postfix user, which must reach the data directory.
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path config = Files.createDirectories(dir.resolve("postfix-config"));
    Path queue = Files.createDirectories(dir.resolve("postfix-queue"));
    Path data = Files.createDirectories(dir.resolve("postfix-data"));
    RealDaemon.run(List.of("chown", "postfix", data.toString()), COMMAND_TIMEOUT);
    int port = RealDaemon.freePort();
    Files.writeString(config.resolve("main.cf"), String.join("\n",
        "compatibility_level = 3.6",
        "queue_directory = " + queue,
        "data_directory = " + data,
        "myhostname = " + MAIL_HOST_NAME,
        "mydestination =",
        "inet_interfaces = 127.0.0.1",
        "inet_protocols = ipv4",
        "mynetworks = 127.0.0.0/8",
        // No alias or recipient tables, so smtpd does not read /etc/aliases.
        "alias_maps =",
        "alias_database =",
        "local_recipient_maps =",
        "smtpd_peername_lookup = no",
        "biff = no",
        "maillog_file = /dev/stdout",
        ""));
    Files.writeString(config.resolve("master.cf"), String.join("\n",
        "127.0.0.1:" + port + " inet n - n - - smtpd",
        "proxymap unix - - n - - proxymap",
        "postlog unix-dgram n - n - 1 postlogd",
        ""));
    String configDir = config.toString();
    Runnable stop = () -> RealDaemon.run(
        List.of(POSTFIX.toString(), "-c", configDir, "stop"), COMMAND_TIMEOUT);
    return RealDaemon.start("postfix", List.of(POSTFIX.toString(), "-c", configDir, "start-fg"),
        List.of(port), dir.resolve("postfix.log"), stop);
  }

  /** Starts redis-server without persistence, so it writes nothing but its log. */
  public static RealDaemon redis(Path dir) {
    RealDaemon.assumeInstalled(REDIS, "redis-server");
    int port = RealDaemon.freePort();
    return RealDaemon.start("redis", List.of(REDIS.toString(), "--bind", "127.0.0.1",
        "--port", Integer.toString(port), "--dir", dir.toString(), "--save", "",
        "--appendonly", "no", "--daemonize", "no", "--logfile", ""), List.of(port),
        dir.resolve("redis.log"), () -> {});
  }

  /** Reads the identification string an SSH server sends first, e.g. "SSH-2.0-OpenSSH_9.2p1". */
  public static String readSshIdentification(int port) {
    try (Socket socket = new Socket(RealDaemon.loopback(), port)) {
      socket.setSoTimeout(5_000);
      byte[] line = new byte[256];
      int length = 0;
      InputStream in = socket.getInputStream();
      for (int next = in.read(); next >= 0 && next != '\n' && length < line.length;
          next = in.read()) {
        line[length++] = (byte) next;
      }
      return new String(line, 0, length, StandardCharsets.US_ASCII).stripTrailing();
    } catch (IOException e) {
      throw new UncheckedIOException("Reading the SSH identification on port " + port, e);
    }
  }
}
