package io.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Scan targets for API tests: TCP listeners that the test starts on loopback addresses
 * (127.0.0.x), all on one port, so that an option profile scanning only that port reaches
 * nothing but them. Also contains the helpers that launch scans and wait for their state.
 */
final class ScanTargetFixture implements AutoCloseable {
  static final String SCAN = "/api/2.0/fo/scan/";
  static final String PROFILES = "/api/2.0/fo/subscription/option_profile/vm/";

  /** Upper bound of a wait for a scan state; generous because 2 cores are shared. */
  static final long WAIT_MILLIS = 180_000;

  private final int port;
  private final List<AutoCloseable> listeners = new ArrayList<>();
  private final Map<String, AtomicInteger> connections = new ConcurrentHashMap<>();

  ScanTargetFixture() throws IOException {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      this.port = probe.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  /** Starts a listener on ip:port that sends {@code banner} on connect and reads until EOF. */
  ScanTargetFixture banner(String ip, byte[] banner) throws IOException {
    ServerSocket server = new ServerSocket(port, 50, InetAddress.getByName(ip));
    listeners.add(server);
    AtomicInteger count = connections.computeIfAbsent(ip, key -> new AtomicInteger());
    Thread acceptor = new Thread(() -> {
      while (!server.isClosed()) {
        try {
          Socket socket = server.accept();
          count.incrementAndGet();
          Thread worker = new Thread(() -> serve(socket, banner), "fixture-conn-" + ip);
          worker.setDaemon(true);
          worker.start();
        } catch (IOException e) {
          return;
        }
      }
    }, "fixture-accept-" + ip);
    acceptor.setDaemon(true);
    acceptor.start();
    return this;
  }

  ScanTargetFixture ssh(String ip, String identification) throws IOException {
    return banner(ip, (identification + "\r\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Starts a listener that accepts and never sends a byte, so each probe waits a timeout. */
  ScanTargetFixture silent(String ip) throws IOException {
    return banner(ip, new byte[0]);
  }

  /** Starts the JDK HTTP server on ip:port; every reply carries a Server header. */
  ScanTargetFixture http(String ip, String serverHeader) throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName(ip), port),
        10);
    AtomicInteger count = connections.computeIfAbsent(ip, key -> new AtomicInteger());
    server.createContext("/", exchange -> {
      count.incrementAndGet();
      byte[] body = "<html><title>fixture</title></html>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Server", serverHeader);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    server.start();
    listeners.add(() -> server.stop(0));
    return this;
  }

  /** Returns how many connections the listener on {@code ip} accepted. */
  int connections(String ip) {
    return connections.getOrDefault(ip, new AtomicInteger()).get();
  }

  private static void serve(Socket socket, byte[] banner) {
    try (socket) {
      OutputStream out = socket.getOutputStream();
      out.write(banner);
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[1024];
      while (in.read(buffer) >= 0) {
        // Discard what the scanner sends until it closes the connection.
      }
    } catch (IOException e) {
      // The scanner closed or reset the connection, which ends this exchange.
    }
  }

  @Override
  public void close() throws Exception {
    for (AutoCloseable listener : listeners) {
      listener.close();
    }
  }

  /** Creates an option profile that scans and discovers only the fixture's port. */
  long createProfile(TestServer server, String title, int readTimeoutMs, int hostsInParallel) {
    ApiReply reply = server.admin().post(PROFILES, form(
        "action", "create", "title", title, "tcp_ports_type", "custom",
        "tcp_ports", Integer.toString(port), "discovery_tcp_ports", Integer.toString(port),
        "discovery_icmp", "0", "connect_timeout_ms", "1000",
        "read_timeout_ms", Integer.toString(readTimeoutMs),
        "hosts_in_parallel", Integer.toString(hostsInParallel), "probes_in_parallel", "4"));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return Long.parseLong(reply.xpath("//ITEM[KEY='ID']/VALUE"));
  }

  /** Launches a scan as admin and returns its reference. */
  static String launch(TestServer server, String... pairs) {
    String[] all = new String[pairs.length + 2];
    all[0] = "action";
    all[1] = "launch";
    System.arraycopy(pairs, 0, all, 2, pairs.length);
    ApiReply reply = server.admin().post(SCAN, form(all));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    assertThat(reply.responseText()).isEqualTo("New vm scan launched");
    return reply.xpath("//ITEM[KEY='REFERENCE']/VALUE");
  }

  /** Returns the scan's list entry, with option profile and asset groups. */
  static ApiReply listOne(TestServer server, String ref) {
    return server.admin().get(SCAN + "?action=list&show_op=1&show_ags=1&scan_ref="
        + URLEncoder.encode(ref, StandardCharsets.UTF_8));
  }

  static String state(TestServer server, String ref) {
    return listOne(server, ref).xpath("//SCAN/STATUS/STATE");
  }

  /** Polls the list until the scan is in {@code expected}, or fails after the wait limit. */
  static ApiReply awaitState(TestServer server, String ref, String expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
    ApiReply reply = listOne(server, ref);
    while (!expected.equals(reply.xpath("//SCAN/STATUS/STATE"))) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("Scan " + ref + " did not reach " + expected + ":\n"
            + reply.text());
      }
      Thread.sleep(200);
      reply = listOne(server, ref);
    }
    return reply;
  }

  static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }
}
