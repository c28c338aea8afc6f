package io.vigil.testing;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds url-encoded forms and query strings for API calls. */
public final class Forms {
  private Forms() {}

  /** Encodes name/value pairs as "a=1&b=2". */
  public static String encode(String... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Pass names and values in pairs");
    }
    StringBuilder form = new StringBuilder();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (form.length() > 0) {
        form.append('&');
      }
      form.append(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return form.toString();
  }
}
