package io.vigil.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP client for API tests. Every XML response it receives is validated against its DTD
 * before the test sees it, so no test can forget the check.
 */
public final class ApiClient {
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private final URI server;
  private final String baseUrl;
  private final Map<String, String> headers;

  ApiClient(URI server, String baseUrl, Map<String, String> headers) {
    this.server = server;
    this.baseUrl = baseUrl;
    this.headers = headers;
  }

  /** Returns a copy of this client that sends an extra header (or replaces one). */
  public ApiClient withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new ApiClient(server, baseUrl, copy);
  }

  /** Returns a copy that sends no header of that name. */
  public ApiClient withoutHeader(String name) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.remove(name);
    return new ApiClient(server, baseUrl, copy);
  }

  public ApiClient withBasic(String login, String password) {
    String token =
        Base64.getEncoder()
            .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    return withHeader("Authorization", "Basic " + token);
  }

  public ApiClient withCookie(String cookieHeader) {
    return withHeader("Cookie", cookieHeader);
  }

  /** GET of a path with its query string, such as /api/2.0/fo/scan/?action=list. */
  public ApiReply get(String pathAndQuery) {
    return send(HttpRequest.newBuilder(server.resolve(pathAndQuery)).GET());
  }

  /** POST of a url-encoded form body. */
  public ApiReply post(String path, String formBody) {
    return send(
        HttpRequest.newBuilder(server.resolve(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(formBody)));
  }

  /** POST with the parameters in the query string and an empty body. */
  public ApiReply postQuery(String pathAndQuery) {
    return send(
        HttpRequest.newBuilder(server.resolve(pathAndQuery))
            .POST(HttpRequest.BodyPublishers.noBody()));
  }

  /** POST of a raw body with its content type. */
  public ApiReply postBody(String pathAndQuery, String contentType, String body) {
    return send(
        HttpRequest.newBuilder(server.resolve(pathAndQuery))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private ApiReply send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    request.timeout(Duration.ofSeconds(60));
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      ApiReply reply = new ApiReply(response.statusCode(), response.headers().map(), response.body());
      if (reply.header("Content-Type").orElse("").startsWith("text/xml")) {
        XmlValidator.validate(reply.body(), baseUrl);
      }
      return reply;
    } catch (IOException e) {
      throw new AssertionError("HTTP call failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted", e);
    }
  }
}
