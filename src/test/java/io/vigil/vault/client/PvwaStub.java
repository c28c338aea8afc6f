package io.vigil.vault.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CyberArk PVWA with the v10 REST API: logon returns the session token as a JSON string, calls
 * send it bare in {@code Authorization}, the accounts search returns {@code {"value":[..],
 * "count":n}}, retrieve returns the password as a JSON string. Errors carry {@code ErrorCode} and
 * {@code ErrorMessage}.
 */
final class PvwaStub extends StubServer {
  static final String USER = "vigil-api";
  static final String PASSWORD = "Demo-Only-1";

  private static final Pattern LOGON =
      Pattern.compile("/PasswordVault/API/auth/([^/]+)/Logon", Pattern.CASE_INSENSITIVE);
  private static final Pattern RETRIEVE =
      Pattern.compile("/PasswordVault/API/Accounts/([^/]+)/Password/Retrieve");

  private record Account(String id, String name, String userName, String safe, String password) {}

  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  private final AtomicInteger logons = new AtomicInteger();
  private final AtomicInteger logoffs = new AtomicInteger();
  private volatile String authMethod = "cyberark";

  PvwaStub() {
    super(false);
  }

  PvwaStub account(String id, String name, String userName, String safe, String password) {
    accounts.put(id, new Account(id, name, userName, safe, password));
    return this;
  }

  /** Makes logon accept only this method's path segment, matched ignoring case. */
  PvwaStub authMethod(String method) {
    this.authMethod = method.toLowerCase(Locale.ROOT);
    return this;
  }

  int logons() {
    return logons.get();
  }

  int logoffs() {
    return logoffs.get();
  }

  int openSessions() {
    return sessions.size();
  }

  @Override
  protected void handle(HttpExchange exchange, Recorded request) throws IOException {
    String path = request.path();
    Matcher logon = LOGON.matcher(path);
    if (request.method().equals("POST") && logon.matches()) {
      logon(exchange, request, logon.group(1));
      return;
    }
    String token = request.header("Authorization");
    if (token == null || !sessions.contains(token)) {
      error(exchange, 401, "PASWS006E", "The session token is missing, invalid or expired.");
      return;
    }
    Matcher retrieve = RETRIEVE.matcher(path);
    boolean post = request.method().equals("POST");
    if (post && path.equalsIgnoreCase("/PasswordVault/API/Auth/Logoff")) {
      sessions.remove(token);
      logoffs.incrementAndGet();
      sendJson(exchange, 200, "");
    } else if (request.method().equals("GET") && path.equals("/PasswordVault/API/Accounts")) {
      search(exchange, request);
    } else if (post && retrieve.matches()) {
      Account account = accounts.get(retrieve.group(1));
      if (account == null) {
        // The PVWA's 404 code varies by version, so the stub sends the message only.
        String message = "The account " + retrieve.group(1) + " was not found.";
        sendJson(
            exchange,
            404,
            JsonBodies.MAPPER.createObjectNode().put("ErrorMessage", message).toString());
      } else {
        sendJson(exchange, 200, new TextNode(account.password()).toString());
      }
    } else {
      send(exchange, 404, "text/html", "<html><body>Not Found</body></html>");
    }
  }

  private void logon(HttpExchange exchange, Recorded request, String method) throws IOException {
    JsonNode body = JsonBodies.MAPPER.readTree(request.body());
    String user = body.path("username").asText();
    boolean accepted =
        method.toLowerCase(Locale.ROOT).equals(authMethod)
            && user.equals(USER)
            && body.path("password").asText().equals(PASSWORD);
    if (!accepted) {
      error(exchange, 403, "PASWS013E", "Authentication failure for User [" + user + "].");
      return;
    }
    String token = UUID.randomUUID().toString();
    sessions.add(token);
    logons.incrementAndGet();
    sendJson(exchange, 200, new TextNode(token).toString());
  }

  private void search(HttpExchange exchange, Recorded request) throws IOException {
    Map<String, String> params = request.params();
    String filter = params.getOrDefault("filter", "");
    String prefix = "safeName eq ";
    String safe = filter.startsWith(prefix) ? filter.substring(prefix.length()) : null;
    String[] keywords = params.getOrDefault("search", "").toLowerCase(Locale.ROOT).split(" ");
    ArrayNode value = JsonBodies.MAPPER.createArrayNode();
    for (Account account : accounts.values()) {
      if (safe != null && !account.safe().equalsIgnoreCase(safe)) {
        continue;
      }
      String haystack = (account.name() + " " + account.userName()).toLowerCase(Locale.ROOT);
      boolean matches = true;
      for (String keyword : keywords) {
        matches &= haystack.contains(keyword);
      }
      if (matches) {
        ObjectNode node = value.addObject();
        node.put("id", account.id());
        node.put("name", account.name());
        node.put("address", "db01.example.test");
        node.put("userName", account.userName());
        node.put("platformId", "UnixSSH");
        node.put("safeName", account.safe());
        node.put("secretType", "password");
        node.putObject("platformAccountProperties");
        node.putObject("secretManagement").put("automaticManagementEnabled", true);
        node.put("createdTime", 1717000000);
      }
    }
    ObjectNode result = JsonBodies.MAPPER.createObjectNode();
    result.set("value", value);
    result.put("count", value.size());
    sendJson(exchange, 200, result.toString());
  }

  static String errorBody(String code, String message) {
    return JsonBodies.MAPPER
        .createObjectNode()
        .put("ErrorCode", code)
        .put("ErrorMessage", message)
        .toString();
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    sendJson(exchange, status, errorBody(code, message));
  }
}
