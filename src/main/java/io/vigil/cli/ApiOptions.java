package io.vigil.cli;

import io.vigil.VigilException;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Options that connect a command to a running Vigil server through its API. Each falls back to
 * an environment variable, then to a default.
 */
final class ApiOptions {
  static final String URL_VARIABLE = "VIGIL_URL";
  static final String USER_VARIABLE = "VIGIL_USER";
  static final String PASSWORD_VARIABLE = "VIGIL_PASSWORD";
  static final String DEFAULT_URL = "http://localhost:8080";
  static final String DEFAULT_USER = "admin";

  @Option(
      names = "--url",
      paramLabel = "URL",
      description = "Base URL of the Vigil server (env " + URL_VARIABLE + ", default "
          + DEFAULT_URL + ").")
  String url;

  @Option(
      names = "--user",
      paramLabel = "LOGIN",
      description = "Login to authenticate as (env " + USER_VARIABLE + ", default "
          + DEFAULT_USER + ").")
  String user;

  @Option(
      names = "--password-stdin",
      description = "Read the password from the first line of standard input, in place of "
          + PASSWORD_VARIABLE + ".")
  boolean passwordStdin;

  /** Returns a client for the server, reading the password from stdin, env or the terminal. */
  RemoteApi connect(Map<String, String> environment) {
    URI base = baseUri(firstSet(url, environment.get(URL_VARIABLE), DEFAULT_URL));
    String login = firstSet(user, environment.get(USER_VARIABLE), DEFAULT_USER);
    return new RemoteApi(base, login, password(environment, login));
  }

  private String password(Map<String, String> environment, String login) {
    if (passwordStdin) {
      return readStdinLine();
    }
    String fromEnvironment = environment.get(PASSWORD_VARIABLE);
    if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
      return fromEnvironment;
    }
    Console console = System.console();
    if (console != null) {
      char[] typed = console.readPassword("Password of %s: ", login);
      if (typed != null && typed.length > 0) {
        return new String(typed);
      }
    }
    throw new VigilException("Missing password: set " + PASSWORD_VARIABLE
        + " or pass --password-stdin.");
  }

  private static String readStdinLine() {
    try {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      String line = reader.readLine();
      if (line == null || line.isEmpty()) {
        throw new VigilException("Missing password: standard input is empty.");
      }
      return line;
    } catch (IOException e) {
      throw new VigilException("Reading the password from standard input failed: "
          + e.getMessage(), e);
    }
  }

  /** Parses the server URL; only http and https with a host are accepted. */
  static URI baseUri(String text) {
    String trimmed = text.strip();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    try {
      URI uri = new URI(trimmed);
      String scheme = uri.getScheme();
      if (uri.getHost() == null || !("http".equals(scheme) || "https".equals(scheme))) {
        throw new VigilException("Invalid server URL '" + text
            + "': use http://HOST:PORT or https://HOST:PORT.");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new VigilException("Invalid server URL '" + text + "': " + e.getReason() + ".", e);
    }
  }

  private static String firstSet(String option, String variable, String fallback) {
    if (option != null && !option.isBlank()) {
      return option;
    }
    if (variable != null && !variable.isBlank()) {
      return variable;
    }
    return fallback;
  }
}
