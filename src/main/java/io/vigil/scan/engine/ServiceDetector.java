package io.vigil.scan.engine;

import io.vigil.scan.HttpInfo;
import io.vigil.scan.OpenService;
import io.vigil.scan.TlsInfo;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds out which service listens on an open port. It first waits for a greeting (SSH, FTP,
 * SMTP, POP3, IMAP, MySQL), then tries TLS, HTTP, PostgreSQL and Redis, each on a new
 * connection, with the probe that the port number suggests first. Known TLS ports start with
 * TLS. A silent port thus costs up to five read timeouts.
 */
final class ServiceDetector {
  private static final Logger log = LoggerFactory.getLogger(ServiceDetector.class);

  /** Ports where TLS starts right after the TCP connect. */
  static final Set<Integer> TLS_PORTS = Set.of(
      443, 465, 563, 636, 990, 992, 993, 995, 2083, 2087, 2376, 2484, 3269, 4443, 5061, 5986,
      6443, 6697, 7443, 8443, 8883, 9443, 10250);

  /** TLS ports whose services greet the client first (SMTPS, FTPS, Telnet over TLS, IMAPS...). */
  private static final Set<Integer> TLS_GREETING_PORTS = Set.of(465, 990, 992, 993, 995, 6697);

  private static final Set<Integer> HTTP_PORTS =
      Set.of(80, 81, 591, 3000, 5000, 8000, 8008, 8080, 8081, 8088, 8888, 9000, 9090, 9200);
  private static final int GREETING_BYTES = 4096;
  private static final byte[] POSTGRES_SSL_REQUEST = {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f};
  private static final byte[] REDIS_PING = "PING\r\n".getBytes(StandardCharsets.US_ASCII);

  private enum Probe { TLS, HTTP, POSTGRES, REDIS }

  private final ScanOptions options;

  ServiceDetector(ScanOptions options) {
    this.options = options;
  }

  /** Detects the service on one open port; returns "unknown" when no probe recognized it. */
  OpenService detect(InetAddress address, int port, HostDeadline deadline) {
    boolean tlsTried = false;
    if (TLS_PORTS.contains(port)) {
      OpenService tls = probeTls(address, port, deadline);
      if (tls != null) {
        return tls;
      }
      tlsTried = true;
      deadline.check();
    }
    Greeting greeting = readGreeting(address, port, deadline);
    if (greeting != null) {
      return new OpenService(port, greeting.service(), greeting.banner(), null, null);
    }
    for (Probe probe : probeOrder(port, tlsTried)) {
      deadline.check();
      OpenService service = switch (probe) {
        case TLS -> probeTls(address, port, deadline);
        case HTTP -> probeHttp(address, port, deadline);
        case POSTGRES -> probePostgres(address, port, deadline);
        case REDIS -> probeRedis(address, port, deadline);
      };
      if (service != null) {
        return service;
      }
    }
    return new OpenService(port, OpenService.UNKNOWN, "", null, null);
  }

  private static List<Probe> probeOrder(int port, boolean tlsTried) {
    List<Probe> order =
        new ArrayList<>(List.of(Probe.TLS, Probe.HTTP, Probe.POSTGRES, Probe.REDIS));
    if (tlsTried) {
      order.remove(Probe.TLS);
    }
    Probe hinted = port == 5432 ? Probe.POSTGRES
        : port == 6379 ? Probe.REDIS
        : HTTP_PORTS.contains(port) ? Probe.HTTP
        : null;
    if (hinted != null) {
      order.remove(hinted);
      order.add(0, hinted);
    }
    return order;
  }

  private Greeting readGreeting(InetAddress address, int port, HostDeadline deadline) {
    try (ProbeConnection connection = open(address, port, deadline)) {
      return Greeting.classify(connection.read(GREETING_BYTES, Greeting::isComplete), port);
    } catch (IOException e) {
      log.trace("{}:{} greeting probe failed: {}", address.getHostAddress(), port, e.toString());
      return null;
    }
  }

  /** Runs a TLS handshake, then reads a greeting or sends an HTTP request over TLS. */
  private OpenService probeTls(InetAddress address, int port, HostDeadline deadline) {
    try (ProbeConnection connection = open(address, port, deadline)) {
      TlsInfo tls = startTls(connection);
      if (TLS_GREETING_PORTS.contains(port)) {
        Greeting greeting =
            Greeting.classify(connection.read(GREETING_BYTES, Greeting::isComplete), port);
        if (greeting != null) {
          return new OpenService(port, greeting.service(), greeting.banner(), tls, null);
        }
      }
      connection.write(HttpExchange.request(address, port));
      byte[] reply = connection.read(HttpExchange.MAX_RESPONSE_BYTES, ServiceDetector::isGreeting);
      HttpInfo http = HttpExchange.parse(reply);
      if (http != null) {
        return new OpenService(port, "http", httpBanner(http), tls, http);
      }
      Greeting greeting = Greeting.classify(reply, port);
      if (greeting != null) {
        String firstLine = BannerText.firstLine(greeting.banner());
        return new OpenService(port, greeting.service(), firstLine, tls, null);
      }
      return new OpenService(port, OpenService.UNKNOWN, "", tls, null);
    } catch (IOException e) {
      log.trace("{}:{} TLS probe failed: {}", address.getHostAddress(), port, e.toString());
      return null;
    }
  }

  private OpenService probeHttp(InetAddress address, int port, HostDeadline deadline) {
    try (ProbeConnection connection = open(address, port, deadline)) {
      connection.write(HttpExchange.request(address, port));
      // The request sends "Connection: close", so the read ends when the server closes.
      byte[] reply = connection.read(HttpExchange.MAX_RESPONSE_BYTES, bytes -> false);
      HttpInfo http = HttpExchange.parse(reply);
      return http == null ? null : new OpenService(port, "http", httpBanner(http), null, http);
    } catch (IOException e) {
      log.trace("{}:{} HTTP probe failed: {}", address.getHostAddress(), port, e.toString());
      return null;
    }
  }

  /**
   * Sends a PostgreSQL SSLRequest. Only PostgreSQL replies with the single byte 'S' (TLS
   * supported) or 'N'. After 'S' the handshake runs, so the certificate gets recorded too.
   */
  private OpenService probePostgres(InetAddress address, int port, HostDeadline deadline) {
    try (ProbeConnection connection = open(address, port, deadline)) {
      connection.write(POSTGRES_SSL_REQUEST);
      byte[] reply = connection.read(64, b -> b.length > 0);
      if (reply.length != 1 || (reply[0] != 'S' && reply[0] != 'N')) {
        return null;
      }
      TlsInfo tls = null;
      if (reply[0] == 'S') {
        try {
          tls = startTls(connection);
        } catch (IOException e) {
          String host = address.getHostAddress();
          log.trace("{}:{} PostgreSQL TLS handshake failed: {}", host, port, e.toString());
        }
      }
      return new OpenService(port, "postgresql", "", tls, null);
    } catch (IOException e) {
      log.trace("{}:{} PostgreSQL probe failed: {}", address.getHostAddress(), port, e.toString());
      return null;
    }
  }

  /** Sends PING: Redis replies +PONG, or -NOAUTH / -DENIED when it requires a password. */
  private OpenService probeRedis(InetAddress address, int port, HostDeadline deadline) {
    try (ProbeConnection connection = open(address, port, deadline)) {
      connection.write(REDIS_PING);
      byte[] bytes = connection.read(512, Greeting::isComplete);
      String reply =
          BannerText.firstLine(BannerText.decode(bytes, BannerText.MAX_BANNER_CHARS));
      boolean redis = reply.startsWith("+PONG") || reply.startsWith("-NOAUTH")
          || reply.startsWith("-DENIED");
      return redis ? new OpenService(port, "redis", reply, null, null) : null;
    } catch (IOException e) {
      log.trace("{}:{} Redis probe failed: {}", address.getHostAddress(), port, e.toString());
      return null;
    }
  }

  private static TlsInfo startTls(ProbeConnection connection) throws IOException {
    return TlsObserver.describe(connection.startTls(TlsObserver.socketFactory()).getSession());
  }

  /**
   * Opens a probe connection whose reads end by the host's deadline at the latest, so that a
   * silent service cannot hold a host past max_host_minutes for a whole read timeout.
   */
  private ProbeConnection open(InetAddress address, int port, HostDeadline deadline)
      throws IOException {
    Duration readTimeout = options.readTimeout();
    Duration remaining = deadline.remaining();
    if (remaining.compareTo(readTimeout) < 0) {
      readTimeout = remaining.isZero() ? Duration.ofMillis(1) : remaining;
    }
    return ProbeConnection.open(address, port, options.connectTimeout(), readTimeout);
  }

  /** Stops reading a reply at the first line unless it is HTTP, whose body may follow. */
  private static boolean isGreeting(byte[] bytes) {
    return !HttpExchange.isHttp(bytes) && bytes.length >= 5 && Greeting.isComplete(bytes);
  }

  private static String httpBanner(HttpInfo http) {
    return http.server() != null ? http.server() : http.statusLine();
  }
}
