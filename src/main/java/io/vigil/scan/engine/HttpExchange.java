package io.vigil.scan.engine;

import io.vigil.scan.HttpInfo;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP request the engine sends ({@code GET / HTTP/1.0}) and the parsing of its response.
 * The engine reads only the response to this one request and never follows a redirect, so it
 * contacts no address other than the target.
 */
final class HttpExchange {
  /** Maximum response size read, enough for the headers and the title of most pages. */
  static final int MAX_RESPONSE_BYTES = 64 * 1024;

  private static final int MAX_HEADERS_CHARS = 4096;
  private static final int MAX_TITLE_CHARS = 256;
  private static final Pattern STATUS_LINE =
      Pattern.compile("^HTTP/\\d(?:\\.\\d)? (\\d{3})(?: .*)?$");
  private static final Pattern TITLE =
      Pattern.compile("<title[^>]*>(.*?)</title", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  private HttpExchange() {}

  /** Builds the request, with the target's address literal as the Host header. */
  static byte[] request(InetAddress address, int port) {
    String host = new InetSocketAddress(address, port).getHostString();
    if (host.contains(":")) {
      host = "[" + host + "]";
    }
    String request = "GET / HTTP/1.0\r\n"
        + "Host: " + host + ":" + port + "\r\n"
        + "User-Agent: Vigil-Scanner\r\n"
        + "Accept: */*\r\n"
        + "Connection: close\r\n"
        + "\r\n";
    return request.getBytes(StandardCharsets.US_ASCII);
  }

  /** Returns whether a response looks like HTTP, by its first bytes. */
  static boolean isHttp(byte[] response) {
    return response.length >= 5
        && new String(response, 0, 5, StandardCharsets.US_ASCII).equals("HTTP/");
  }

  /** Parses the response, or returns null when it is not HTTP. */
  static HttpInfo parse(byte[] response) {
    if (!isHttp(response)) {
      return null;
    }
    // ISO-8859-1 maps every byte to one character, so offsets in the text are byte offsets.
    String raw = new String(response, StandardCharsets.ISO_8859_1);
    int headerEnd = raw.indexOf("\r\n\r\n");
    int bodyStart = headerEnd < 0 ? raw.length() : headerEnd + 4;
    if (headerEnd < 0) {
      headerEnd = raw.indexOf("\n\n");
      bodyStart = headerEnd < 0 ? raw.length() : headerEnd + 2;
      headerEnd = headerEnd < 0 ? raw.length() : headerEnd;
    }
    String headers =
        BannerText.decode(response, 0, headerEnd, MAX_HEADERS_CHARS).replace("\r\n", "\n");
    String statusLine = BannerText.firstLine(headers);
    Matcher status = STATUS_LINE.matcher(statusLine);
    int statusCode = status.matches() ? Integer.parseInt(status.group(1)) : 0;
    String server = headerValue(headers, "server");
    String body = BannerText.decode(response, bodyStart, response.length - bodyStart,
        MAX_RESPONSE_BYTES);
    return new HttpInfo(statusCode, statusLine, headers, server, title(body));
  }

  private static String headerValue(String headers, String name) {
    String prefix = name.toLowerCase(Locale.ROOT) + ":";
    for (String line : headers.split("\n")) {
      if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
        return line.substring(prefix.length()).strip();
      }
    }
    return null;
  }

  private static String title(String body) {
    Matcher title = TITLE.matcher(body);
    if (!title.find()) {
      return null;
    }
    String text = title.group(1).replaceAll("\\s+", " ").strip();
    return BannerText.cap(text, MAX_TITLE_CHARS);
  }
}
