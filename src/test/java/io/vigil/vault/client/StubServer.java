package io.vigil.vault.client;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An HTTPS server on 127.0.0.1 and a random port that plays one vault's REST API in a test. It
 * records every request, and a test can queue canned responses or a delay for requests whose path
 * contains a given text, ahead of the vendor behaviour.
 */
abstract class StubServer implements AutoCloseable {

  /** One request as the stub received it, with query parameter names in lower case. */
  record Recorded(
      String method, String path, String rawPath, String rawQuery, Headers headers, String body) {

    Map<String, String> params() {
      Map<String, String> params = new LinkedHashMap<>();
      if (rawQuery == null) {
        return params;
      }
      for (String pair : rawQuery.split("&")) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        params.put(name.toLowerCase(Locale.ROOT), URLDecoder.decode(value, StandardCharsets.UTF_8));
      }
      return params;
    }

    String header(String name) {
      return headers.getFirst(name);
    }
  }

  private record Canned(String pathPart, int status, String contentType, String body) {}

  private final HttpsServer server;
  private final ExecutorService executor =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "vault-stub");
            thread.setDaemon(true);
            return thread;
          });
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final Deque<Canned> canned = new ArrayDeque<>();
  private volatile String slowPathPart;
  private volatile Duration delay = Duration.ZERO;

  StubServer(boolean needClientAuth) {
    try {
      SSLContext context = TestCertificates.get().serverContext();
      InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
      server = HttpsServer.create(new InetSocketAddress(loopback, 0), 0);
      server.setHttpsConfigurator(
          new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters parameters) {
              SSLParameters ssl = getSSLContext().getDefaultSSLParameters();
              ssl.setNeedClientAuth(needClientAuth);
              parameters.setSSLParameters(ssl);
            }
          });
      server.createContext("/", this::dispatch);
      server.setExecutor(executor);
      server.start();
    } catch (IOException e) {
      throw new IllegalStateException("Starting the stub server failed", e);
    }
  }

  /** Responds to a request the way the vault does. */
  protected abstract void handle(HttpExchange exchange, Recorded request) throws IOException;

  URI url() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort());
  }

  List<Recorded> requests() {
    return List.copyOf(requests);
  }

  List<Recorded> requestsTo(String pathPart) {
    return requests.stream().filter(r -> r.path().contains(pathPart)).toList();
  }

  /** Sends this response to the next request whose path contains {@code pathPart}. */
  synchronized void enqueue(String pathPart, int status, String contentType, String body) {
    canned.addLast(new Canned(pathPart, status, contentType, body));
  }

  /** Delays the response to requests whose path contains {@code pathPart} by {@code wait}. */
  void slowDown(String pathPart, Duration wait) {
    this.slowPathPart = pathPart;
    this.delay = wait;
  }

  private void dispatch(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Recorded request =
          new Recorded(
              exchange.getRequestMethod(),
              uri.getPath(),
              uri.getRawPath(),
              uri.getRawQuery(),
              exchange.getRequestHeaders(),
              body);
      requests.add(request);
      String slow = slowPathPart;
      if (slow != null && request.path().contains(slow)) {
        Thread.sleep(delay.toMillis());
      }
      Canned response = takeCanned(request.path());
      if (response != null) {
        send(exchange, response.status(), response.contentType(), response.body());
      } else {
        handle(exchange, request);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException | IOException e) {
      // The client sees a reset connection, and the test fails on that.
      e.printStackTrace();
    }
  }

  private synchronized Canned takeCanned(String path) {
    for (Canned response : canned) {
      if (path.contains(response.pathPart())) {
        canned.remove(response);
        return response;
      }
    }
    return null;
  }

  static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    if (contentType != null) {
      exchange.getResponseHeaders().set("Content-Type", contentType);
    }
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  static void sendJson(HttpExchange exchange, int status, String json) throws IOException {
    send(exchange, status, "application/json; charset=utf-8", json);
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow(); // interrupts handlers that sleep in slowDown
  }
}
