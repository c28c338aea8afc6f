package io.vigil.vault.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WALLIX Bastion: {@code GET /api[/<version>]/targetpasswords/(checkout|checkin)/<target>}
 * authenticated per request with HTTP Basic or {@code X-Auth-User} and {@code X-Auth-Key}. Errors
 * carry {@code error}, {@code description} and {@code reason}; an unknown target and a target the
 * authorization does not cover both get 403 NOT_AUTHORIZED.
 */
final class WabStub extends StubServer {
  static final String USER = "vigil";
  static final String PASSWORD = "Wab-Demo-Pass-1";
  static final String API_KEY = "AyZJINAyDIaPpzCBsT6ElNROB09Sfa6fshZ2LHH3V6G";

  private static final Pattern ACTION =
      Pattern.compile("/api(?:/v[0-9.]+)?/targetpasswords/(checkout|checkin)/(.+)");

  private record Account(String authorization, String login, String password) {}

  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Set<String> checkedOut = ConcurrentHashMap.newKeySet();

  WabStub() {
    super(false);
  }

  WabStub account(String target, String authorization, String login, String password) {
    accounts.put(target, new Account(authorization, login, password));
    return this;
  }

  boolean isCheckedOut(String target) {
    return checkedOut.contains(target);
  }

  @Override
  protected void handle(HttpExchange exchange, Recorded request) throws IOException {
    if (!authenticated(request)) {
      sendJson(exchange, 401, "{\"error\": \"Authentication failure\"}");
      return;
    }

    Matcher action = ACTION.matcher(request.path());
    if (!request.method().equals("GET") || !action.matches()) {
      sendJson(exchange, 404, "{\"error\": \"Resource not found\"}");
      return;
    }

    String target = action.group(2);
    long ats = target.chars().filter(c -> c == '@').count();
    if (ats < 1 || ats > 2) {
      error(exchange, 400, "Bad Request", "Invalid target format: " + target, "BAD_TARGET_FORMAT");
      return;
    }

    Account account = accounts.get(target);
    String authorization = request.params().get("authorization");
    boolean covered =
        account != null && (authorization == null || authorization.equals(account.authorization()));
    if (!covered) {
      error(
          exchange,
          403,
          "Access denied",
          "The target " + target + " does not exist or is not accessible.",
          "NOT_AUTHORIZED");
      return;
    }

    if (action.group(1).equals("checkin")) {
      if (!checkedOut.remove(target)) {
        error(
            exchange,
            409,
            "Constraint violation",
            "The account is not checked out.",
            "NOT_CHECKED_OUT");
        return;
      }
      sendJson(exchange, 200, "{}");
      return;
    }

    checkedOut.add(target);
    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    body.put("login", account.login());
    body.put("password", account.password());
    body.put("ssh_key", "");
    body.put("ssh_certificate", "");
    body.put("locked", true);
    body.put("checkin_time", "2030-01-01 10:10:00");
    body.put("remaining_time", 600);
    body.put("deconnection_time", "2099-12-30 23:59:59");
    body.put("checkin_change_password", false);
    sendJson(exchange, 200, body.toString());
  }

  private static boolean authenticated(Recorded request) {
    String authorization = request.header("Authorization");
    if (authorization != null && authorization.startsWith("Basic ")) {
      String decoded =
          new String(
              Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
      return decoded.equals(USER + ":" + PASSWORD);
    }
    return USER.equals(request.header("X-Auth-User"))
        && API_KEY.equals(request.header("X-Auth-Key"));
  }

  static String errorBody(String error, String description, String reason) {
    return JsonBodies.MAPPER
        .createObjectNode()
        .put("error", error)
        .put("description", description)
        .put("reason", reason)
        .toString();
  }

  private static void error(
      HttpExchange exchange, int status, String error, String description, String reason)
      throws IOException {
    sendJson(exchange, status, errorBody(error, description, reason));
  }
}
