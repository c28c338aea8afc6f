package io.vigil.cli;

import io.vigil.VigilServer;
import io.vigil.config.DataDirectory;
import io.vigil.config.InvalidSettingsException;
import io.vigil.config.Settings;
import io.vigil.net.InvalidIpException;
import io.vigil.net.IpRange;
import java.util.ArrayList;
import java.util.List;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import sun.misc.Signal;

/** {@code vigil serve}: runs the server until SIGTERM or Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Run the Vigil server. Every option can also be set by the environment"
        + " variable named in its description.")
final class ServeCommand implements Callable<Integer> {
  private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

  @Mixin DatabaseOptions database;

  @Spec CommandSpec spec;

  @Option(
      names = "--port",
      defaultValue = "${env:VIGIL_PORT:-8080}",
      description = "TCP port of the API (env VIGIL_PORT, default ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--host",
      defaultValue = "${env:VIGIL_HOST:-0.0.0.0}",
      description = "Address to listen on (env VIGIL_HOST, default ${DEFAULT-VALUE}).")
  String host;

  @Option(
      names = "--base-url",
      defaultValue = "${env:VIGIL_BASE_URL}",
      description = "URL clients reach Vigil at, used in DOCTYPE system ids and paging URLs"
          + " (env VIGIL_BASE_URL, default http://localhost:PORT, or https:// with TLS).")
  String baseUrl;

  @Option(
      names = "--tls-keystore",
      defaultValue = "${env:VIGIL_TLS_KEYSTORE}",
      description = "PKCS#12 keystore with the server certificate; enables HTTPS"
          + " (env VIGIL_TLS_KEYSTORE).")
  Path tlsKeystore;

  @Option(
      names = "--tls-keystore-password",
      defaultValue = "${env:VIGIL_TLS_KEYSTORE_PASSWORD}",
      description = "Password of the keystore (env VIGIL_TLS_KEYSTORE_PASSWORD).")
  String tlsKeystorePassword;

  @Option(
      names = "--session-timeout",
      defaultValue = "${env:VIGIL_SESSION_TIMEOUT:-60}",
      description = "Minutes of inactivity after which an API session ends"
          + " (env VIGIL_SESSION_TIMEOUT, default ${DEFAULT-VALUE}).")
  long sessionTimeoutMinutes;

  @Option(
      names = "--max-sessions-per-user",
      defaultValue = "${env:VIGIL_MAX_SESSIONS_PER_USER:-10}",
      description = "Open API sessions one user may hold at once"
          + " (env VIGIL_MAX_SESSIONS_PER_USER, default ${DEFAULT-VALUE}).")
  int maxSessionsPerUser;

  @Option(
      names = "--scan-allow",
      defaultValue = "${env:VIGIL_SCAN_ALLOW}",
      paramLabel = "RANGES",
      description = "Networks besides loopback that scans may probe, as comma-separated CIDR"
          + " blocks, ranges or addresses, such as 10.0.0.0/8 (env VIGIL_SCAN_ALLOW). Unset:"
          + " loopback only. Targets outside it are recorded as blocked.")
  String scanAllow;

  @Option(
      names = "--scan-deny",
      defaultValue = "${env:VIGIL_SCAN_DENY}",
      paramLabel = "RANGES",
      description = "Networks that scans never probe, even inside loopback or --scan-allow, as"
          + " comma-separated CIDR blocks, ranges or addresses (env VIGIL_SCAN_DENY). Targets in"
          + " it are recorded as blocked.")
  String scanDeny;

  @Override
  public Integer call() throws Exception {
    Settings settings = settings();
    DataDirectory.prepare(settings.dataDir());
    PrintWriter out = spec.commandLine().getOut();
    VigilServer server =
        VigilServer.start(
            settings,
            Clock.systemUTC(),
            bootstrap -> AccountCommands.announce(bootstrap, out),
            resources -> {});
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "vigil-shutdown"));
    exitNormallyOn("TERM", server);
    exitNormallyOn("INT", server);
    stopped.await();
    return 0;
  }

  /**
   * Makes a signal stop the server, then exit with status 0. The JVM's own handler exits with 128
   * plus the signal number (143 for SIGTERM), which systemd counts as a failure unless the unit
   * sets SuccessExitStatus=143. Java 17 has no public signal API, so this uses sun.misc.Signal from
   * the jdk.unsupported module.
   *
   * <p>The server stops before System.exit because exit runs the shutdown hooks in no set order,
   * and H2's hook would close the embedded database while a running scan is handed back to the
   * scheduler. H2 cannot turn its hook off (DB_CLOSE_ON_EXIT=FALSE) together with AUTO_SERVER.
   */
  private static void exitNormallyOn(String signalName, VigilServer server) {
    try {
      Signal.handle(
          new Signal(signalName),
          signal -> {
            log.info("Received SIG{}: stopping", signal.getName());
            server.close();
            System.exit(0);
          });
    } catch (IllegalArgumentException e) {
      // Thrown when the JVM runs with -Xrs, which leaves SIGTERM and SIGINT to the operating
      // system: they then end the process without running the shutdown hooks.
      log.warn(
          "Failed to install a handler for SIG{}: {}. The JVM's handling of the signal stays in"
              + " effect.",
          signalName,
          e.getMessage());
    }
  }

  Settings settings() {
    String base = baseUrl;
    boolean tls = tlsKeystore != null;
    if (base == null || base.isBlank()) {
      // NOTE: with --port 0 this default names port 0, not the port the listener gets, so
      // DOCTYPE and redirect URLs are wrong. Set --base-url together with --port 0.
      base = (tls ? "https" : "http") + "://localhost:" + port;
    }
    String adminPassword = System.getenv(AccountCommands.ADMIN_PASSWORD_VARIABLE);
    return new Settings(
        host,
        port,
        database.dataDir,
        database.toSettings(),
        base,
        tls ? new Settings.TlsSettings(tlsKeystore, tlsKeystorePassword) : null,
        Duration.ofMinutes(sessionTimeoutMinutes),
        maxSessionsPerUser,
        adminPassword == null || adminPassword.isEmpty() ? null : adminPassword,
        ranges("--scan-allow (VIGIL_SCAN_ALLOW)", scanAllow),
        ranges("--scan-deny (VIGIL_SCAN_DENY)", scanDeny));
  }

  /** Parses a network list setting strictly: an empty entry is an error, not skipped. */
  private static List<IpRange> ranges(String option, String value) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    List<IpRange> ranges = new ArrayList<>();
    for (String entry : value.split(",", -1)) {
      if (entry.isBlank()) {
        throw new InvalidSettingsException("Invalid " + option + " value " + value
            + ": it has an empty entry; separate networks with single commas.");
      }
      try {
        ranges.add(IpRange.parse(entry));
      } catch (InvalidIpException e) {
        throw new InvalidSettingsException("Invalid " + option + " entry " + e.value() + ": "
            + e.reason() + ".");
      }
    }
    return ranges;
  }
}
