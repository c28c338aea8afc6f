package io.vigil.vault.client;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches passwords from a CyberArk PIM Suite vault through the PVWA REST API of version 10.4 and
 * later: log on, search the account in its safe, retrieve its password, and always log off, since
 * each logon is an audited Vault session.
 */
public final class CyberArkPvwaClient implements VaultClient {
  private static final Logger log = LoggerFactory.getLogger(CyberArkPvwaClient.class);

  /** IIS application name the PVWA installs as. */
  static final String DEFAULT_APPLICATION = "/PasswordVault";

  /** Largest page the accounts search returns. */
  static final int SEARCH_LIMIT = 1000;

  private record Account(String id, String name, String userName, String safeName) {}

  private final VaultHttp http;

  public CyberArkPvwaClient(VaultClientSettings settings) {
    this(new VaultHttp(settings));
  }

  CyberArkPvwaClient(VaultHttp http) {
    this.http = http;
  }

  @Override
  public Credential fetch(VaultConnection connection, CredentialRequest request, String target) {
    if (!(connection instanceof PimConnection pim) || !(request instanceof PimRequest account)) {
      throw VaultClients.mismatch(this, connection, request);
    }
    String base = baseUrl(pim.url());
    VaultCall call = VaultCall.of(pim, target, "logon");
    String token = logon(call, pim, base);
    try {
      Account found = find(call.withOperation("account search"), pim, base, token, account);
      Secret password = retrieve(call.withOperation("password retrieval"), pim, base, token, found);
      log.debug(
          "{} vault {} target {}: got the password of account id={} safe={}",
          call.type(),
          call.vaultHost(),
          target,
          found.id(),
          found.safeName());
      return new Credential(found.userName(), password);
    } finally {
      logoff(call.withOperation("logoff"), pim, base, token);
    }
  }

  /** Returns the PVWA application URL, such as {@code https://pvwa.example.test/PasswordVault}. */
  static String baseUrl(URI url) {
    String path = UrlValues.trimmedPath(url);
    return UrlValues.origin(url) + (path.isEmpty() ? DEFAULT_APPLICATION : path);
  }

  private String logon(VaultCall call, PimConnection pim, String base) {
    URI uri = URI.create(base + "/API/auth/" + pim.authMethod().pathSegment() + "/Logon");
    byte[] body = logonBody(pim);
    try {
      HttpRequest request =
          http.newRequest(uri)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofByteArray(body))
              .build();
      try (VaultResponse response = http.send(call, pim, request)) {
        if (response.status() != 200) {
          throw PvwaErrors.logon(call, pim, response);
        }
        // The token arrives as a JSON string and must become a String for the Authorization
        // header, so wiping it gains nothing.
        try (Secret token = JsonBodies.readString(call, response)) {
          if (token.isEmpty()) {
            throw JsonBodies.invalid(call, response, "the session token is empty");
          }
          return new String(token.view());
        }
      }
    } finally {
      Arrays.fill(body, (byte) 0);
    }
  }

  /** Writes the logon body from the password's characters, so the password is no String. */
  private static byte[] logonBody(PimConnection pim) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator json = JsonBodies.MAPPER.getFactory().createGenerator(out)) {
      char[] password = pim.password().view();
      json.writeStartObject();
      json.writeStringField("username", pim.username());
      json.writeFieldName("password");
      json.writeString(password, 0, password.length);
      json.writeBooleanField("concurrentSession", true);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("Writing JSON to memory failed", e);
    }
    // NOTE: the stream's internal buffer keeps a copy until it is garbage collected.
    return out.toByteArray();
  }

  private Account find(
      VaultCall call, PimConnection pim, String base, String token, PimRequest request) {
    String keywords = request.accountName() != null ? request.accountName() : request.keywords();
    String filter = "safeName eq " + request.safe();
    URI uri =
        URI.create(
            base
                + "/API/Accounts?search="
                + UrlValues.cyberArkQuery(call, "search", keywords)
                + "&filter="
                + UrlValues.cyberArkQuery(call, "filter", filter)
                + "&limit="
                + SEARCH_LIMIT);
    HttpRequest httpRequest = http.newRequest(uri).header("Authorization", token).GET().build();

    List<Account> matches = new ArrayList<>();
    try (VaultResponse response = http.send(call, pim, httpRequest)) {
      if (response.status() != 200) {
        throw PvwaErrors.search(call, pim, request, response);
      }
      JsonNode accounts = JsonBodies.readTree(call, response).get("value");
      if (accounts == null || !accounts.isArray()) {
        throw JsonBodies.invalid(call, response, "no value array in the search result");
      }
      // NOTE: results past the first page (nextLink) are not read. More than 1000 accounts
      // matching one name in one safe would be a naming problem to fix in the Vault anyway.
      for (JsonNode node : accounts) {
        Account account = account(call, response, node);
        // The filter already limits the search to the safe, but checking again costs nothing.
        boolean inSafe =
            account.safeName() == null || account.safeName().equalsIgnoreCase(request.safe());
        boolean named =
            request.accountName() == null || request.accountName().equalsIgnoreCase(account.name());
        if (inSafe && named) {
          matches.add(account);
        }
      }
    }
    if (matches.isEmpty()) {
      throw new VaultAccountNotFoundException(
          call,
          "no account "
              + describe(request)
              + " in safe "
              + request.safe()
              + "; check the names and that user "
              + pim.username()
              + " may list the safe",
          null,
          null);
    }
    if (matches.size() > 1) {
      throw new VaultAccountAmbiguousException(
          call,
          matches.size()
              + " accounts match "
              + describe(request)
              + " in safe "
              + request.safe()
              + "; use the account's object name or narrower keywords",
          null,
          null);
    }
    return matches.get(0);
  }

  private static Account account(VaultCall call, VaultResponse response, JsonNode node) {
    String id = node.isObject() ? JsonBodies.text(node, "id") : null;
    if (id == null || id.isBlank()) {
      throw JsonBodies.invalid(call, response, "an account in the search result has no id");
    }
    return new Account(
        id,
        JsonBodies.text(node, "name"),
        JsonBodies.text(node, "userName"),
        JsonBodies.text(node, "safeName"));
  }

  private static String describe(PimRequest request) {
    return request.accountName() != null
        ? "named " + request.accountName()
        : "for keywords '" + request.keywords() + "'";
  }

  private Secret retrieve(
      VaultCall call, PimConnection pim, String base, String token, Account account) {
    String id = UrlValues.pathSegment(account.id(), "");
    URI uri = URI.create(base + "/API/Accounts/" + id + "/Password/Retrieve");
    String reason = "Vigil scan of " + call.targetHost();
    String body = JsonBodies.MAPPER.createObjectNode().put("reason", reason).toString();
    HttpRequest request =
        http.newRequest(uri)
            .header("Authorization", token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    try (VaultResponse response = http.send(call, pim, request)) {
      if (response.status() != 200) {
        throw PvwaErrors.retrieve(call, pim, account.id(), response);
      }
      return JsonBodies.readString(call, response);
    }
  }

  /** Logs off, and logs a failure instead of throwing it, so it never hides the fetch outcome. */
  private void logoff(VaultCall call, PimConnection pim, String base, String token) {
    URI uri = URI.create(base + "/API/Auth/Logoff");
    HttpRequest request =
        http.newRequest(uri)
            .header("Authorization", token)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try (VaultResponse response = http.sendOnce(call, pim, request)) {
      if (!response.isSuccess()) {
        log.warn(
            "{} vault {} target {}: logoff failed with {}; the session ends when it times out",
            call.type(),
            call.vaultHost(),
            call.targetHost(),
            response.describe());
      }
    } catch (VaultException e) {
      log.warn(
          "{} vault {} target {}: logoff failed; the session ends when it times out: {}",
          call.type(),
          call.vaultHost(),
          call.targetHost(),
          e.getMessage());
    }
  }
}
