package io.vigil.vault.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Encodes values for vault URLs. */
final class UrlValues {
  /** Characters CyberArk's REST services do not accept in a value, even percent-encoded. */
  private static final String CYBERARK_FORBIDDEN = "+&%;";

  private UrlValues() {}

  /** Percent-encodes a query parameter value as UTF-8, with spaces as {@code %20}. */
  static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /**
   * Percent-encodes a CyberArk query value after checking it. The CCP and PVWA documentation says
   * that {@code +}, {@code &} and {@code %} are not supported in values and that {@code ;}
   * separates query properties.
   *
   * @throws VaultRequestInvalidException naming the parameter when the value has such a character
   */
  static String cyberArkQuery(VaultCall call, String parameter, String value) {
    for (char c : value.toCharArray()) {
      if (CYBERARK_FORBIDDEN.indexOf(c) >= 0) {
        throw new VaultRequestInvalidException(
            call,
            parameter
                + " value "
                + value
                + " contains '"
                + c
                + "', which CyberArk does not accept in request values; rename it in the Vault",
            null,
            null);
      }
    }
    return query(value);
  }

  /**
   * Percent-encodes one path segment as UTF-8, keeping unreserved characters and those of {@code
   * keep} as they are.
   */
  static String pathSegment(String value, String keep) {
    StringBuilder encoded = new StringBuilder(value.length() + 16);
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (isUnreserved(c) || (c < 0x80 && keep.indexOf(c) >= 0)) {
        encoded.append(c);
      } else {
        encoded.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
        encoded.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
      }
    }
    return encoded.toString();
  }

  private static boolean isUnreserved(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '.'
        || c == '_'
        || c == '~';
  }

  /** Returns the URL's path without trailing slashes, or an empty string when it has none. */
  static String trimmedPath(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    while (path.endsWith("/")) {
      path = path.substring(0, path.length() - 1);
    }
    return path;
  }

  /** Returns scheme and authority of the URL, such as {@code https://ccp.example.test:8443}. */
  static String origin(URI url) {
    return url.getScheme() + "://" + url.getRawAuthority();
  }
}
