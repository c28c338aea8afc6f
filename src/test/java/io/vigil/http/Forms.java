package io.vigil.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds url-encoded form bodies for API tests. */
final class Forms {
  private Forms() {}

  /** Encodes name, value pairs as "a=1&b=2". */
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
