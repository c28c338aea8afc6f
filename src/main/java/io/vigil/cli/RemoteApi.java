package io.vigil.cli;

import io.vigil.VigilException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A client of the Qualys-style API of one Vigil server: HTTP Basic on every call, the
 * X-Requested-With header, and SIMPLE_RETURN errors turned into {@link ApiCallException}.
 */
final class RemoteApi {
  static final String REQUESTED_WITH = "vigil-cli";

  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

  private final URI base;
  private final String authorization;
  private final HttpClient http;

  RemoteApi(URI base, String login, String password) {
    this.base = base;
    this.authorization = "Basic " + Base64.getEncoder()
        .encodeToString((login + ":" + password).getBytes(StandardCharsets.UTF_8));
    this.http = HttpClient.newBuilder()
        .connectTimeout(CONNECT_TIMEOUT)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  URI base() {
    return base;
  }

  /** A reply with a 2xx status; {@code document} is the parsed body of an XML reply, else null. */
  record Reply(String contentType, byte[] body, Document document) {

    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** Sends a GET with {@code params} in the query string and returns a successful reply. */
  Reply get(String path, Map<String, String> params) {
    HttpRequest request = builder(URI.create(base + path + "?" + form(params))).GET().build();
    return send(request);
  }

  /** Sends a POST with {@code params} as a form body and returns a successful reply. */
  Reply post(String path, Map<String, String> params) {
    HttpRequest request = builder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form(params)))
        .build();
    return send(request);
  }

  /** Sends a GET and parses the XML reply. */
  Document getXml(String path, Map<String, String> params) {
    return xml(get(path, params));
  }

  /** Sends a POST and parses the XML reply. */
  Document postXml(String path, Map<String, String> params) {
    return xml(post(path, params));
  }

  private Document xml(Reply reply) {
    if (reply.document() == null) {
      throw new VigilException("The server at " + base + " sent " + reply.contentType()
          + " where XML was expected; check that --url points at Vigil.");
    }
    return reply.document();
  }

  private HttpRequest.Builder builder(URI uri) {
    return HttpRequest.newBuilder(uri)
        .timeout(REQUEST_TIMEOUT)
        .header("X-Requested-With", REQUESTED_WITH)
        .header("Authorization", authorization);
  }

  private Reply send(HttpRequest request) {
    HttpResponse<byte[]> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    } catch (HttpConnectTimeoutException e) {
      throw new ServerUnreachableException("Connecting to Vigil at " + base + " timed out after "
          + CONNECT_TIMEOUT.toSeconds() + " s; check --url or " + ApiOptions.URL_VARIABLE + ".",
          e);
    } catch (ConnectException e) {
      throw new ServerUnreachableException("Cannot connect to Vigil at " + base
          + ": connection refused. Start the server or set --url or "
          + ApiOptions.URL_VARIABLE + ".", e);
    } catch (HttpTimeoutException e) {
      throw new ServerUnreachableException("Vigil at " + base + " sent no reply within "
          + REQUEST_TIMEOUT.toSeconds() + " s.", e);
    } catch (IOException e) {
      throw new ServerUnreachableException("Request to Vigil at " + base + " failed: "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VigilException("Interrupted while waiting for Vigil at " + base + ".", e);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    Document document = null;
    if (contentType.contains("xml")) {
      document = SafeXml.parse(response.body());
      throwIfError(document);
    }
    if (response.statusCode() / 100 != 2) {
      throw new VigilException("Vigil at " + base + " returned HTTP " + response.statusCode()
          + " for " + request.uri().getPath() + ".");
    }
    return new Reply(contentType, response.body(), document);
  }

  /** Throws when the document is a SIMPLE_RETURN with an error CODE. */
  private static void throwIfError(Document document) {
    Element root = document.getDocumentElement();
    if (!root.getTagName().equals("SIMPLE_RETURN")) {
      return;
    }
    String code = SafeXml.text(root, "RESPONSE", "CODE");
    if (code.isEmpty()) {
      return;
    }
    String text = SafeXml.text(root, "RESPONSE", "TEXT");
    int number;
    try {
      number = Integer.parseInt(code);
    } catch (NumberFormatException e) {
      throw new VigilException(text + " (code " + code + ")", e);
    }
    throw new ApiCallException(number, text);
  }

  static String form(Map<String, String> params) {
    StringBuilder body = new StringBuilder();
    for (Map.Entry<String, String> param : params.entrySet()) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
    }
    return body.toString();
  }
}
