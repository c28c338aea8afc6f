package io.vigil.vault.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches passwords from a CyberArk Central Credential Provider with its REST "GetPassword" call:
 * {@code GET <application>/api/Accounts?AppID=..&Safe=..&Folder=..&Object=..}. The CCP
 * authenticates the application by source address, OS user or client certificate, so the request
 * carries no credential of its own.
 */
public final class CyberArkAimClient implements VaultClient {
  private static final Logger log = LoggerFactory.getLogger(CyberArkAimClient.class);

  /** IIS application name the CCP installs as. */
  static final String DEFAULT_APPLICATION = "/AIMWebService";

  private final VaultHttp http;

  public CyberArkAimClient(VaultClientSettings settings) {
    this(new VaultHttp(settings));
  }

  CyberArkAimClient(VaultHttp http) {
    this.http = http;
  }

  @Override
  public Credential fetch(VaultConnection connection, CredentialRequest request, String target) {
    if (!(connection instanceof AimConnection aim) || !(request instanceof AimRequest account)) {
      throw VaultClients.mismatch(this, connection, request);
    }
    VaultCall call = VaultCall.of(aim, target, "password retrieval");
    HttpRequest httpRequest = http.newRequest(accountsUri(call, aim, account)).GET().build();

    try (VaultResponse response = http.send(call, aim, httpRequest)) {
      if (response.status() != 200) {
        throw error(call, aim, response);
      }
      JsonBodies.SecretObject body = JsonBodies.readObjectWithSecret(call, response, "Content");
      if (body.secret() == null) {
        throw JsonBodies.invalid(call, response, "no Content field with the password");
      }
      String username = JsonBodies.text(body.fields(), "UserName");
      log.debug(
          "{} vault {} target {}: got the password of Safe={} Object={}",
          call.type(),
          call.vaultHost(),
          target,
          aim.safe(),
          account.object());
      return new Credential(username, body.secret());
    }
  }

  static URI accountsUri(VaultCall call, AimConnection aim, AimRequest account) {
    StringBuilder query = new StringBuilder();
    query.append("AppID=").append(UrlValues.cyberArkQuery(call, "AppID", aim.appId()));
    query.append("&Safe=").append(UrlValues.cyberArkQuery(call, "Safe", aim.safe()));
    if (account.folder() != null) {
      query.append("&Folder=").append(UrlValues.cyberArkQuery(call, "Folder", account.folder()));
    }
    query.append("&Object=").append(UrlValues.cyberArkQuery(call, "Object", account.object()));
    // The reason goes to the provider's audit log. Characters CyberArk rejects become '_'.
    String reason = ("Vigil scan of " + call.targetHost()).replaceAll("[+&%;]", "_");
    query.append("&Reason=").append(UrlValues.query(reason));

    String path = applicationPath(aim.url()) + "/api/Accounts";
    return URI.create(UrlValues.origin(aim.url()) + path + "?" + query);
  }

  /** Returns the IIS application path of the CCP, as {@link AimConnection} describes. */
  static String applicationPath(URI url) {
    String path = UrlValues.trimmedPath(url);
    String lower = path.toLowerCase(Locale.ROOT);
    if (path.isEmpty()) {
      return DEFAULT_APPLICATION;
    }
    if (lower.endsWith(".asmx")) {
      int secondSlash = path.indexOf('/', 1);
      return secondSlash < 0 ? DEFAULT_APPLICATION : path.substring(0, secondSlash);
    }
    if (lower.endsWith("/api/accounts")) {
      return path.substring(0, path.length() - "/api/accounts".length());
    }
    return path;
  }

  /** Maps a CCP error to an exception: by ErrorCode when the body has one, else by status. */
  private static VaultException error(VaultCall call, AimConnection aim, VaultResponse response) {
    VendorError error = JsonBodies.readError(response, "ErrorCode", "ErrorMsg");
    String code = error.code();
    String vendorText = error.suffix();
    int status = response.status();

    if (error.hasCode("APPAP004E") || (code == null && status == 404)) {
      return new VaultAccountNotFoundException(
          call,
          "no account matches Safe="
              + aim.safe()
              + vendorText
              + "; check the safe, folder and object names and that AppID "
              + aim.appId()
              + " and the provider may list the safe",
          code,
          null);
    }
    if (error.hasCode("APPAP227E", "APPAP228E", "APPAP229E")) {
      return new VaultAccountAmbiguousException(
          call, "the query matches more than one account" + vendorText, code, null);
    }
    if (error.hasCode("APPAP306E", "APPAP008E") || status == 401 || status == 403) {
      return new VaultAuthenticationFailedException(
          call,
          "the provider rejected application "
              + aim.appId()
              + vendorText
              + "; check the AppID and its allowed machines, OS users or certificate",
          code,
          null);
    }
    if (error.hasCode("APPAP007E")) {
      return new VaultUnavailableException(
          call, "the provider cannot reach the Vault" + vendorText, code, null);
    }
    if (error.hasCode("APPAP282E")) {
      return new VaultUnavailableException(
          call, "the password is being changed; retry later" + vendorText, code, null);
    }
    if (status == 400) {
      return new VaultRequestInvalidException(
          call, "the provider rejected the request" + vendorText, code, null);
    }
    if (status >= 500) {
      return new VaultUnavailableException(
          call, "server error (" + response.describe() + ")" + vendorText, code, null);
    }
    return JsonBodies.invalid(call, response, "unexpected status" + vendorText);
  }
}
