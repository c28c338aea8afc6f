package io.vigil.vault.client;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks out passwords from a WALLIX Bastion: {@code GET
 * <api>/<version>/targetpasswords/checkout/<target>?authorization=<name>}, authenticated on the
 * request itself with HTTP Basic (password) or {@code X-Auth-User}/{@code X-Auth-Key} (API key), so
 * no session is left open.
 *
 * <p>A checkout is audited and, under a locking checkout policy, locks the account for other users
 * until {@link #checkIn} or until the checkout expires.
 */
public final class WallixBastionClient implements VaultClient {
  private static final Logger log = LoggerFactory.getLogger(WallixBastionClient.class);

  private final VaultHttp http;

  public WallixBastionClient(VaultClientSettings settings) {
    this(new VaultHttp(settings));
  }

  WallixBastionClient(VaultHttp http) {
    this.http = http;
  }

  @Override
  public Credential fetch(VaultConnection connection, CredentialRequest request, String target) {
    if (!(connection instanceof WabConnection wab) || !(request instanceof WabRequest account)) {
      throw VaultClients.mismatch(this, connection, request);
    }
    VaultCall call = VaultCall.of(wab, target, "password checkout");
    HttpRequest httpRequest = request(call, wab, account, "checkout");

    try (VaultResponse response = http.send(call, wab, httpRequest)) {
      if (response.status() != 200) {
        throw error(call, account, response);
      }
      // ssh_key is dropped unread: Vigil fetches passwords only.
      JsonBodies.SecretObject body =
          JsonBodies.readObjectWithSecret(call, response, "password", "ssh_key");
      String login = JsonBodies.text(body.fields(), "login");
      if (login == null) {
        throw JsonBodies.invalid(call, response, "no login field in the checkout result");
      }
      if (body.secret() == null || body.secret().isEmpty()) {
        throw new VaultAccountNotFoundException(
            call, "target " + account.targetName() + " has no password to check out", null, null);
      }
      log.debug(
          "{} vault {} target {}: checked out the password of {}",
          call.type(),
          call.vaultHost(),
          target,
          account.targetName());
      return new Credential(login, body.secret());
    }
  }

  /**
   * Checks in the password of a target after the scan, which ends the lock of a locking checkout
   * policy and may make the Bastion rotate the password. A target that is not checked out is
   * already released, so the Bastion's 409 NOT_CHECKED_OUT response is not an error.
   */
  public void checkIn(WabConnection wab, WabRequest account, String target) {
    VaultCall call = VaultCall.of(wab, target, "password check-in");
    try (VaultResponse response = http.send(call, wab, request(call, wab, account, "checkin"))) {
      VendorError error = JsonBodies.readError(response, "reason", "description");
      if (response.status() == 409 && error.hasCode("NOT_CHECKED_OUT")) {
        log.debug(
            "{} vault {} target {}: {} was not checked out",
            call.type(),
            call.vaultHost(),
            target,
            account.targetName());
        return;
      }
      if (response.status() != 200) {
        throw error(call, account, response);
      }
    }
  }

  private HttpRequest request(
      VaultCall call, WabConnection wab, WabRequest account, String action) {
    URI uri =
        URI.create(
            apiBase(wab)
                + "/targetpasswords/"
                + action
                + "/"
                + targetSegment(call, account)
                + "?authorization="
                + UrlValues.query(account.authorizationName()));
    HttpRequest.Builder builder = http.newRequest(uri).GET();
    if (wab.apiKey() != null) {
      builder.header("X-Auth-User", wab.username());
      builder.header("X-Auth-Key", new String(wab.apiKey().view()));
    } else {
      builder.header("Authorization", basic(wab));
    }
    return builder.build();
  }

  /**
   * Returns the API URL with its version, such as {@code https://wab.example.test/api/v3.12}. A URL
   * without a path means {@code /api}.
   */
  static String apiBase(WabConnection wab) {
    String path = UrlValues.trimmedPath(wab.url());
    String base = UrlValues.origin(wab.url()) + (path.isEmpty() ? "/api" : path);
    String version = wab.apiVersion().strip();
    return version.isEmpty() ? base : base + "/" + UrlValues.pathSegment(version, "");
  }

  /**
   * Encodes the target as the Bastion expects: {@code @} kept literal, everything else
   * percent-encoded.
   *
   * @throws VaultRequestInvalidException unless the target has one or two {@code @}, as in {@code
   *     account@domain} and {@code account@domain@device}
   */
  static String targetSegment(VaultCall call, WabRequest account) {
    String target = account.targetName();
    long ats = target.chars().filter(c -> c == '@').count();
    if (ats < 1 || ats > 2) {
      throw new VaultRequestInvalidException(
          call,
          "target name " + target + " must have the form account@domain or account@domain@device",
          null,
          null);
    }
    return UrlValues.pathSegment(target, "@");
  }

  private static String basic(WabConnection wab) {
    char[] password = wab.password().view();
    CharBuffer userPass = CharBuffer.allocate(wab.username().length() + 1 + password.length);
    userPass.put(wab.username()).put(':').put(password).flip();
    ByteBuffer bytes = StandardCharsets.UTF_8.encode(userPass);
    byte[] raw = new byte[bytes.remaining()];
    bytes.get(raw);
    try {
      return "Basic " + Base64.getEncoder().encodeToString(raw);
    } finally {
      Arrays.fill(userPass.array(), '\0');
      Arrays.fill(raw, (byte) 0);
      if (bytes.hasArray()) {
        Arrays.fill(bytes.array(), (byte) 0);
      }
    }
  }

  /** Maps a Bastion error, {@code {"error":..,"description":..,"reason":..}}, to an exception. */
  private static VaultException error(VaultCall call, WabRequest account, VaultResponse response) {
    VendorError reason = JsonBodies.readError(response, "reason", "description");
    // The "error" field is a title such as "Access denied", and "reason" is the code.
    String title = JsonBodies.readError(response, "error", "description").code();
    String text = (title == null ? "" : ": " + title) + reason.suffix();
    String code = reason.code();
    int status = response.status();

    if (status == 401) {
      return new VaultAuthenticationFailedException(
          call,
          "the Bastion rejected the API user's credentials"
              + text
              + "; check the username and the password or appkey",
          code,
          null);
    }
    if (status == 403 && (code == null || reason.hasCode("NOT_AUTHORIZED"))) {
      // The Bastion does not tell a missing target from one the authorization does not cover.
      return new VaultAccountNotFoundException(
          call,
          "target "
              + account.targetName()
              + " does not exist or authorization "
              + account.authorizationName()
              + " does not allow password retrieval on it"
              + text,
          code,
          null);
    }
    if (status == 403) {
      return new VaultAccessDeniedException(call, "access denied" + text, code, null);
    }
    if (status == 400) {
      return new VaultRequestInvalidException(
          call, "the Bastion rejected target " + account.targetName() + text, code, null);
    }
    if (status == 404) {
      return new VaultRequestInvalidException(
          call,
          "the Bastion has no such API path ("
              + response.describe()
              + "); check the URL and the API version",
          code,
          null);
    }
    if (status >= 500) {
      return new VaultUnavailableException(
          call, "server error (" + response.describe() + ")" + text, code, null);
    }
    return JsonBodies.invalid(call, response, "unexpected status" + text);
  }
}
