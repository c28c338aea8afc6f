package io.vigil.vault.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A CyberArk Central Credential Provider: {@code GET /AIMWebService/api/Accounts} with query
 * parameters matched case-insensitively, as CCP clients send them in different cases. Errors carry
 * {@code ErrorCode} and {@code ErrorMsg}.
 */
final class CcpStub extends StubServer {
  static final String APP_ID = "Vigil";

  private record Account(String userName, String content) {}

  private final Map<String, Account> accounts = new ConcurrentHashMap<>();

  CcpStub(boolean needClientAuth) {
    super(needClientAuth);
  }

  /** Adds an account. A null folder means the CCP default, Root. */
  CcpStub account(String safe, String folder, String object, String userName, String content) {
    String folderName = folder == null ? "Root" : folder;
    accounts.put(key(safe, folderName, object), new Account(userName, content));
    return this;
  }

  @Override
  protected void handle(HttpExchange exchange, Recorded request) throws IOException {
    if (!request.method().equals("GET")
        || !request.path().equalsIgnoreCase("/AIMWebService/api/Accounts")) {
      send(
          exchange,
          404,
          "text/html",
          "<html><body><h1>404 - File or directory not found.</h1>" + "</body></html>");
      return;
    }

    Map<String, String> params = request.params();
    String appId = params.get("appid");
    if (appId == null || appId.isEmpty()) {
      error(exchange, 400, "AIMWS031E", "Invalid request. The AppID parameter is required.");
      return;
    }
    if (!appId.equals(APP_ID)) {
      error(
          exchange,
          403,
          "APPAP008E",
          "Problem occurred while trying to use user in the Vault (Diagnostic Info: 9). "
              + "ITATS982E User "
              + appId
              + " is not defined.");
      return;
    }

    String safe = params.getOrDefault("safe", "");
    String folder = params.getOrDefault("folder", "Root");
    String object = params.getOrDefault("object", "");
    Account account = accounts.get(key(safe, folder, object));
    if (account == null) {
      error(
          exchange,
          404,
          "APPAP004E",
          "Password object matching query [Safe="
              + safe
              + ";Folder="
              + folder
              + ";Object="
              + object
              + "] was not found (Diagnostic Info: 5). Please check that there is a"
              + " password object that answers your query in the Vault and that both the"
              + " Provider and the application user have the appropriate permissions needed in"
              + " order to use the password.");
      return;
    }

    ObjectNode body = JsonBodies.MAPPER.createObjectNode();
    body.put("Content", account.content());
    body.put("UserName", account.userName());
    body.put("Address", "db01.example.test");
    body.put("Safe", safe);
    body.put("Folder", folder);
    body.put("Name", object);
    body.put("PolicyID", "UnixSSH");
    body.put("DeviceType", "Operating System");
    body.put("CreationMethod", "PVWA");
    body.put("PasswordChangeInProcess", "False");
    sendJson(exchange, 200, body.toString());
  }

  static String errorBody(String code, String message) {
    return JsonBodies.MAPPER
        .createObjectNode()
        .put("ErrorCode", code)
        .put("ErrorMsg", message)
        .toString();
  }

  private static void error(HttpExchange exchange, int status, String code, String message)
      throws IOException {
    sendJson(exchange, status, errorBody(code, message));
  }

  private static String key(String safe, String folder, String object) {
    return (safe + "\n" + folder + "\n" + object).toLowerCase(Locale.ROOT);
  }
}
