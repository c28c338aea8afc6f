package io.vigil.vault.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the HTTP calls of the vault clients: TLS as the connection specifies, timeouts, and bounded
 * retries with exponential backoff and jitter for timeouts, connection failures and 5xx responses.
 * Other statuses (401, 403, 404, ...) return at once, because repeating the call cannot change
 * them.
 */
final class VaultHttp {
  private static final Logger log = LoggerFactory.getLogger(VaultHttp.class);

  private final VaultClientSettings settings;
  private final HttpClientCache clients;

  VaultHttp(VaultClientSettings settings) {
    this.settings = settings;
    this.clients = new HttpClientCache(settings);
  }

  /** Starts a request with the request timeout and {@code Accept: application/json}. */
  HttpRequest.Builder newRequest(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(settings.requestTimeout())
        .header("Accept", "application/json");
  }

  /**
   * Sends {@code request}, retrying as the settings allow. Returns the response of the last
   * attempt, which is a 5xx one when every attempt got a server error.
   *
   * @throws VaultTimeoutException when every attempt timed out
   * @throws VaultUnavailableException when the last attempt failed to connect, or the thread was
   *     interrupted (its interrupt flag is then set again)
   * @throws VaultTlsFailedException when the TLS handshake fails, which is not retried
   */
  VaultResponse send(VaultCall call, VaultConnection connection, HttpRequest request) {
    return send(call, connection, request, settings.maxAttempts());
  }

  /** Sends {@code request} once, for calls such as a logoff that are not worth a retry. */
  VaultResponse sendOnce(VaultCall call, VaultConnection connection, HttpRequest request) {
    return send(call, connection, request, 1);
  }

  private VaultResponse send(
      VaultCall call, VaultConnection connection, HttpRequest request, int maxAttempts) {
    HttpClientCache.CachedClient client = clients.clientFor(call, connection);
    for (int attempt = 1; ; attempt++) {
      int attemptsLeft = maxAttempts - attempt;
      String failure;
      try {
        HttpResponse<byte[]> response =
            client.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        VaultResponse result =
            new VaultResponse(
                response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        if (result.status() < 500 || attemptsLeft == 0) {
          return result;
        }
        failure = "got " + result.describe();
        result.close();
      } catch (HttpTimeoutException e) {
        if (attemptsLeft == 0) {
          throw new VaultTimeoutException(call, timeoutProblem(maxAttempts), null, e);
        }
        failure = "timed out";
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new VaultUnavailableException(
            call, "interrupted while waiting for the vault", null, e);
      } catch (IOException e) {
        SSLException tls = findCause(e, SSLException.class);
        if (tls != null) {
          throw new VaultTlsFailedException(call, tlsProblem(connection, client, tls), null, e);
        }
        if (attemptsLeft == 0 && client.keyManager().certificateRequested()) {
          throw new VaultTlsFailedException(call, clientCertificateProblem(client, e), null, e);
        }
        if (attemptsLeft == 0) {
          throw new VaultUnavailableException(call, connectionProblem(e, maxAttempts), null, e);
        }
        failure = "connection failed (" + describe(e) + ")";
      }
      Duration delay = backoff(attempt);
      log.warn(
          "{} vault {} target {}: {} {}, retrying in {} ms (attempts left={})",
          call.type(),
          call.vaultHost(),
          call.targetHost(),
          call.operation(),
          failure,
          delay.toMillis(),
          attemptsLeft);
      sleep(call, delay);
    }
  }

  /** Returns the wait before attempt {@code attempt + 1}: doubling, capped, minus a random half. */
  private Duration backoff(int attempt) {
    long initial = settings.initialBackoff().toMillis();
    long cap = settings.maxBackoff().toMillis();
    long full = Math.min(cap, initial << Math.min(attempt - 1, 20));
    long half = full / 2;
    return Duration.ofMillis(full - half + ThreadLocalRandom.current().nextLong(half + 1));
  }

  private static void sleep(VaultCall call, Duration delay) {
    try {
      Thread.sleep(delay.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VaultUnavailableException(call, "interrupted while waiting to retry", null, e);
    }
  }

  private String timeoutProblem(int attempts) {
    return "no response within "
        + settings.requestTimeout().toMillis()
        + " ms on any of "
        + attempts
        + " attempts; check that the vault is up and not overloaded";
  }

  private static String connectionProblem(IOException e, int attempts) {
    return "connection failed on all "
        + attempts
        + " attempts ("
        + describe(e)
        + "); check the vault URL and that the vault is reachable from Vigil";
  }

  private static String clientCertificateProblem(
      HttpClientCache.CachedClient client, IOException e) {
    String advice =
        client.keyManager().hasCertificate()
            ? "check that the vault accepts the configured client certificate"
            : "the vault likely requires a client certificate, configure one";
    return "the connection closed without a response ("
        + describe(e)
        + ") after a TLS handshake in which the vault asked for a client certificate; "
        + advice;
  }

  private static String tlsProblem(
      VaultConnection connection, HttpClientCache.CachedClient client, SSLException e) {
    String advice =
        connection.sslVerify()
            ? "; if the vault uses a self-signed or private CA certificate, add the CA to the"
                + " Java trust store or set ssl_verify=0"
            : "";
    if (client.keyManager().certificateRequested()) {
      advice +=
          client.keyManager().hasCertificate()
              ? "; check that the vault accepts the configured client certificate"
              : "; the vault asked for a client certificate, configure one";
    }
    return "TLS handshake failed (" + describe(e) + ")" + advice;
  }

  private static String describe(Throwable e) {
    String message = e.getMessage();
    String name = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? name : name + ": " + message;
  }

  private static <T extends Throwable> T findCause(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
