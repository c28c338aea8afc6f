package io.vigil.http;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.config.Settings;
import io.vigil.wire.ApiErrorCode;
import io.vigil.wire.ApiException;
import io.vigil.wire.SimpleReturn;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP listener: the API under /api/ and /msp/, the DTDs of every XML output, /health and
 * /metrics. Paths are matched here rather than by Javalin's router, so that the Qualys rules for
 * trailing slashes and unknown paths apply before anything else.
 */
public final class HttpServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HttpServer.class);

  private static final String API_PREFIX = "/api/2.0/fo";

  /** Slowest accepted upload of a request body, in bytes per second. */
  static final long MIN_REQUEST_BYTES_PER_SECOND = 512;

  /** How long a stop waits for running calls before it closes their connections. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

  private final Settings settings;
  private final ApiDispatcher dispatcher;
  private final PrometheusMeterRegistry metrics;
  private final BooleanSupplier databaseUp;
  private final Clock clock;
  private Javalin app;

  public HttpServer(
      Settings settings,
      ApiDispatcher dispatcher,
      PrometheusMeterRegistry metrics,
      BooleanSupplier databaseUp,
      Clock clock) {
    this.settings = settings;
    this.dispatcher = dispatcher;
    this.metrics = metrics;
    this.databaseUp = databaseUp;
    this.clock = clock;
  }

  /** Starts listening; returns the bound port, which differs from the setting when that is 0. */
  public int start() {
    app =
        Javalin.create(
            config -> {
              config.startup.showJavalinBanner = false;
              config.startup.showOldJavalinVersionWarning = false;
              config.router.ignoreTrailingSlashes = false;
              config.router.treatMultipleSlashesAsSingleSlash = false;
              config.http.maxRequestSize = ApiDispatcher.MAX_BODY_BYTES;
              config.jetty.modifyHttpConfiguration(
                  http -> {
                    // A client sending its body slower than this is cut off, so slow uploads
                    // cannot hold every request thread.
                    http.setMinRequestDataRate(MIN_REQUEST_BYTES_PER_SECOND);
                    http.setSendServerVersion(false);
                  });
              config.jetty.modifyServer(
                  server -> {
                    // On stop, connectors stop accepting and running calls get this long to end.
                    server.setStopTimeout(STOP_TIMEOUT.toMillis());
                    server.insertHandler(new GracefulHandler());
                  });
              if (settings.tlsEnabled()) {
                config.jetty.addConnector(this::tlsConnector);
              }
              config.routes.get("/health", this::health);
              config.routes.get("/metrics", this::prometheus);
              for (HandlerType method : new HandlerType[] {HandlerType.GET, HandlerType.POST}) {
                config.routes.addHttpHandler(method, "/api/*", this::route);
                config.routes.addHttpHandler(method, "/msp/*", this::route);
              }
              for (HandlerType method :
                  new HandlerType[] {
                    HandlerType.PUT, HandlerType.DELETE, HandlerType.PATCH, HandlerType.HEAD,
                    HandlerType.OPTIONS, HandlerType.TRACE
                  }) {
                config.routes.addHttpHandler(method, "/api/*", this::wrongMethod);
                config.routes.addHttpHandler(method, "/msp/*", this::wrongMethod);
              }
              // Methods Javalin has no handler type for, such as PROPFIND, end in its 404.
              config.routes.error(404, this::unknownMethod);
            });
    // Javalin logs a failed start with its stack trace; Vigil reports it in one line instead.
    ch.qos.logback.classic.Logger javalinLog =
        (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Javalin.class);
    ch.qos.logback.classic.Level level = javalinLog.getLevel();
    javalinLog.setLevel(ch.qos.logback.classic.Level.OFF);
    try {
      if (settings.tlsEnabled()) {
        app.start();
      } else {
        app.start(settings.host(), settings.port());
      }
    } catch (RuntimeException e) {
      // Javalin wraps bind failures and bad keystores; the root cause names the problem.
      Throwable cause = e;
      while (cause.getCause() != null) {
        cause = cause.getCause();
      }
      String reason =
          cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
      if (cause instanceof java.nio.channels.UnresolvedAddressException) {
        reason = "cannot resolve the host address";
      } else if (cause instanceof javax.crypto.BadPaddingException
          || cause instanceof java.security.UnrecoverableKeyException) {
        reason = "wrong keystore password (" + reason + ")";
      }
      throw new ListenerStartException(
          "Cannot listen on " + settings.host() + ":" + settings.port()
              + (settings.tlsEnabled() ? " with TLS keystore " + settings.tls().keystore() : "")
              + ": " + reason, e);
    } finally {
      javalinLog.setLevel(level);
    }
    int port = app.port();
    log.info(
        "HTTP{} listener started: host={} port={}",
        settings.tlsEnabled() ? "S" : "",
        settings.host(),
        port);
    return port;
  }

  private ServerConnector tlsConnector(Server server, HttpConfiguration httpConfig) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStorePath(settings.tls().keystore().toAbsolutePath().toString());
    ssl.setKeyStorePassword(settings.tls().keystorePassword());
    ssl.setKeyStoreType("PKCS12");
    HttpConfiguration https = new HttpConfiguration(httpConfig);
    https.addCustomizer(new SecureRequestCustomizer(false));
    ServerConnector connector =
        new ServerConnector(
            server,
            new SslConnectionFactory(ssl, "http/1.1"),
            new HttpConnectionFactory(https));
    connector.setHost(settings.host());
    connector.setPort(settings.port());
    return connector;
  }

  private void route(Context ctx) {
    String requestId = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    ApiDispatcher.withRequestId(requestId, () -> routeWithId(ctx));
  }

  private void wrongMethod(Context ctx) {
    setStandardHeaders(ctx);
    dispatcher.wrongMethod(ctx, ctx.path());
  }

  /** Rejects a method without a route, such as PROPFIND, on an API path with code 1908. */
  private void unknownMethod(Context ctx) {
    String method = ctx.req().getMethod();
    boolean apiPath = ctx.path().startsWith("/api/") || ctx.path().startsWith("/msp/");
    if (apiPath && !method.equals("GET") && !method.equals("POST")) {
      wrongMethod(ctx);
    }
  }

  private void routeWithId(Context ctx) {
    String path = ctx.path();
    setStandardHeaders(ctx);
    if (path.endsWith(".dtd")) {
      serveDtd(ctx, path);
    } else if (dispatcher.resource(path) != null) {
      dispatcher.dispatch(ctx, dispatcher.resource(path));
    } else if (path.startsWith(API_PREFIX) && !path.endsWith("/")) {
      redirectToSlash(ctx, path);
    } else {
      dispatcher.notFound(ctx, path);
    }
    Counter.builder("vigil.api.requests")
        .description("API calls by resource and HTTP status")
        .tag("resource", dispatcher.resource(path) != null ? path : "other")
        .tag("status", Integer.toString(ctx.statusCode()))
        .register(metrics)
        .increment();
  }

  /** Sends the 301 that the real service sends for an API URL without its trailing slash. */
  private void redirectToSlash(Context ctx, String path) {
    String query = ctx.queryString();
    String location = settings.baseUrl() + path + "/" + (query == null ? "" : "?" + query);
    ctx.status(301);
    ctx.header("Location", location);
    ctx.contentType("text/html; charset=iso-8859-1");
    ctx.result(
        "<!DOCTYPE HTML PUBLIC \"-//IETF//DTD HTML 2.0//EN\">\n<html><head>\n"
            + "<title>301 Moved Permanently</title>\n</head><body>\n<h1>Moved Permanently</h1>\n"
            + "<p>The document has moved <a href=\""
            + htmlEscape(location)
            + "\">here</a>.</p>\n</body></html>\n");
  }

  private void serveDtd(Context ctx, String path) {
    InputStream dtd = HttpServer.class.getResourceAsStream("/dtd" + path);
    if (dtd == null || path.contains("..")) {
      ctx.status(404).contentType("text/plain").result("No DTD at " + path + "\n");
      return;
    }
    try (dtd) {
      ctx.contentType("application/xml-dtd").result(dtd.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void health(Context ctx) {
    boolean up = databaseUp.getAsBoolean();
    ctx.status(up ? 200 : 503)
        .contentType("application/json")
        .result(
            "{\"status\":\""
                + (up ? "UP" : "DOWN")
                + "\",\"database\":\""
                + (up ? "UP" : "DOWN")
                + "\"}");
  }

  private void prometheus(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  /** Headers the real service sends on every API response. */
  private static void setStandardHeaders(Context ctx) {
    ctx.header("X-XSS-Protection", "1");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("X-Frame-Options", "SAMEORIGIN");
    ctx.header("Cache-Control", "no-store, no-cache, must-revalidate, post-check=0, pre-check=0");
    ctx.header("Pragma", "no-cache");
    ctx.header("Expires", "Thu, 19 Nov 1981 08:52:00 GMT");
  }

  private static String htmlEscape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  public int port() {
    return app.port();
  }

  /** Stops accepting calls and lets running ones finish, within Jetty's stop timeout. */
  @Override
  public void close() {
    if (app != null) {
      app.stop();
      log.info("HTTP listener stopped");
    }
  }
}
