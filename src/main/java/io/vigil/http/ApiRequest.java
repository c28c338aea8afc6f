package io.vigil.http;

import io.vigil.account.Subscription;
import io.vigil.account.User;
import io.vigil.wire.ApiException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One API call: its parameters from the query string and the form body merged into one map, and
 * the user who made it. A parameter given twice keeps its last value, as on Qualys; body
 * parameters come after query parameters.
 */
public final class ApiRequest {
  private final HttpMethod method;
  private final String path;
  private final Map<String, String> params;
  private final List<Map.Entry<String, String>> paramsInOrder;
  private final String formBody;
  private final String contentType;
  private final byte[] rawBody;
  private final String clientAddress;
  private final String cookieHeader;
  private User user;
  private Subscription subscription;

  ApiRequest(
      HttpMethod method,
      String path,
      List<Map.Entry<String, String>> paramsInOrder,
      String formBody,
      String contentType,
      byte[] rawBody,
      String clientAddress,
      String cookieHeader) {
    this.method = method;
    this.path = path;
    this.paramsInOrder = List.copyOf(paramsInOrder);
    this.params = new LinkedHashMap<>();
    for (Map.Entry<String, String> param : paramsInOrder) {
      params.put(param.getKey(), param.getValue());
    }
    this.formBody = formBody;
    this.contentType = contentType;
    this.rawBody = rawBody;
    this.clientAddress = clientAddress;
    this.cookieHeader = cookieHeader;
  }

  /**
   * Parses "a=1&b=2" into its pairs. Decoding is lenient, as in PHP, which serves the real API: a
   * "%" not followed by two hex digits stays a literal "%", so scripts that send a password such
   * as "50%off" without encoding it still log in.
   */
  static List<Map.Entry<String, String>> parseUrlEncoded(String encoded) {
    List<Map.Entry<String, String>> pairs = new ArrayList<>();
    if (encoded == null || encoded.isEmpty()) {
      return pairs;
    }
    for (String part : encoded.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int equals = part.indexOf('=');
      String name = equals < 0 ? part : part.substring(0, equals);
      String value = equals < 0 ? "" : part.substring(equals + 1);
      pairs.add(Map.entry(decode(name), decode(value)));
    }
    return pairs;
  }

  /** Decodes "+" and valid %XX escapes as UTF-8 and keeps anything else as it is. */
  static String decode(String text) {
    if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
      return text;
    }
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%' && i + 2 < text.length() && isHex(text.charAt(i + 1))
          && isHex(text.charAt(i + 2))) {
        bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
        if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
          encoded = text.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
          i++;
        }
        bytes.writeBytes(encoded);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  public HttpMethod method() {
    return method;
  }

  /** Path of the called resource, such as /api/2.0/fo/session/. */
  public String path() {
    return path;
  }

  public String clientAddress() {
    return clientAddress;
  }

  /** Returns the raw Cookie header, or null. */
  String cookieHeader() {
    return cookieHeader;
  }

  /** Parameter names and values after merging, in first-seen order. */
  public Map<String, String> params() {
    return params;
  }

  /** Every parameter as received, duplicates included, for the echo of the request. */
  List<Map.Entry<String, String>> paramsInOrder() {
    return paramsInOrder;
  }

  /** Returns the url-encoded POST body, or null when the call had none. */
  String formBody() {
    return formBody;
  }

  /** Body of a POST sent with a content type other than a form, such as text/xml. */
  public Optional<byte[]> rawBody() {
    return Optional.ofNullable(rawBody);
  }

  public String contentType() {
    return contentType;
  }

  public boolean has(String name) {
    return params.containsKey(name);
  }

  public Optional<String> string(String name) {
    return Optional.ofNullable(params.get(name));
  }

  /** Returns a parameter that the action declared as required, so it is present. */
  public String required(String name) {
    String value = params.get(name);
    if (value == null) {
      throw ApiException.missing(List.of(name));
    }
    return value;
  }

  /** Reads a 0/1 flag; absent gives {@code defaultValue}. */
  public boolean flag(String name, boolean defaultValue) {
    String value = params.get(name);
    if (value == null) {
      return defaultValue;
    }
    return switch (value) {
      case "0" -> false;
      case "1" -> true;
      default -> throw ApiException.invalidValue(name, value, "must be 0 or 1");
    };
  }

  /** Reads a positive integer such as an id; absent gives empty. */
  public OptionalLong positiveLong(String name) {
    String value = params.get(name);
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      long number = Long.parseLong(value.trim());
      if (number > 0) {
        return OptionalLong.of(number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalidValue(name, value, "not a positive integer: " + value);
  }

  /**
   * Reads a date or datetime in the API's input form, YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ, as UTC.
   */
  public Optional<java.time.Instant> dateTime(String name) {
    String value = params.get(name);
    if (value == null) {
      return Optional.empty();
    }
    try {
      if (value.length() == 10) {
        return Optional.of(java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC)
            .toInstant());
      }
      return Optional.of(java.time.Instant.parse(value));
    } catch (java.time.format.DateTimeParseException e) {
      throw ApiException.invalidValue(name, value, "use YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ");
    }
  }

  /** Reads a non-negative integer, such as a limit or an offset; absent gives empty. */
  public Optional<Integer> nonNegativeInt(String name) {
    String value = params.get(name);
    if (value == null) {
      return Optional.empty();
    }
    try {
      int number = Integer.parseInt(value.trim());
      if (number >= 0) {
        return Optional.of(number);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalidValue(name, value, "not a non-negative integer");
  }

  /** Reads one of a fixed set of values, ignoring case; returns the value as listed. */
  public Optional<String> oneOf(String name, List<String> allowed) {
    String value = params.get(name);
    if (value == null) {
      return Optional.empty();
    }
    for (String candidate : allowed) {
      if (candidate.toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
        return Optional.of(candidate);
      }
    }
    throw ApiException.invalidValue(name, value, "use one of: " + String.join(", ", allowed));
  }

  /** Returns the authenticated user, which the dispatcher sets before the action runs. */
  public User user() {
    if (user == null) {
      throw new IllegalStateException("No authenticated user on this request");
    }
    return user;
  }

  public Subscription subscription() {
    if (subscription == null) {
      throw new IllegalStateException("No subscription on this request");
    }
    return subscription;
  }

  void authenticate(User user, Subscription subscription) {
    this.user = user;
    this.subscription = subscription;
  }

  Optional<User> userIfAuthenticated() {
    return Optional.ofNullable(user);
  }
}
