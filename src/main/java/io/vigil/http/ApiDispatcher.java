package io.vigil.http;

import io.javalin.http.Context;
import io.vigil.account.AccountStore;
import io.vigil.account.AuthResult;
import io.vigil.account.Authenticator;
import io.vigil.account.Subscription;
import io.vigil.account.User;
import io.vigil.ratelimit.ApiLimiter;
import io.vigil.ratelimit.LimitExceededException;
import io.vigil.ratelimit.LimitHeaders;
import io.vigil.session.SessionService;
import io.vigil.wire.ApiErrorCode;
import io.vigil.wire.ApiException;
import io.vigil.wire.RequestEcho;
import io.vigil.wire.SimpleReturn;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.io.EofException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs every call of the API through the same steps, in the order the real service applies them:
 * X-Requested-With, authentication, rate and concurrency limits, the action, its method, its
 * parameters, the caller's role, and only then the handler. Every failure on the way ends as a
 * SIMPLE_RETURN with the Qualys code and HTTP status.
 */
public final class ApiDispatcher {
  private static final Logger log = LoggerFactory.getLogger(ApiDispatcher.class);

  public static final String SESSION_COOKIE = "QualysSession";

  /**
   * Largest request body read, in bytes. Qualys' form parameters and XML bodies (option profiles,
   * private keys) fit many times over; the bound keeps concurrent large uploads from exhausting
   * the heap.
   */
  static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

  /**
   * Parameters left out of every echo of a request, whatever the action declares: no Qualys API
   * takes a password that may be shown back.
   */
  private static final List<String> ALWAYS_SECRET = List.of("password");

  private final Map<String, ApiResource> resources = new HashMap<>();
  private final AccessPolicy policy;
  private final Authenticator authenticator;
  private final SessionService sessions;
  private final AccountStore accounts;
  private final ApiLimiter limiter;
  private final Clock clock;
  private final String baseUrl;

  public ApiDispatcher(
      AccessPolicy policy,
      Authenticator authenticator,
      SessionService sessions,
      AccountStore accounts,
      ApiLimiter limiter,
      Clock clock,
      String baseUrl) {
    this.policy = policy;
    this.authenticator = authenticator;
    this.sessions = sessions;
    this.accounts = accounts;
    this.limiter = limiter;
    this.clock = clock;
    this.baseUrl = baseUrl;
  }

  /** Adds a resource; every one of its actions must be listed in the access policy. */
  public ApiDispatcher register(ApiResource resource) {
    for (String action : resource.actions().keySet()) {
      if (!policy.covers(resource.path(), action)) {
        throw new IllegalStateException(
            "Action '" + action + "' of " + resource.path() + " has no entry in AccessPolicy");
      }
    }
    if (resources.put(resource.path(), resource) != null) {
      throw new IllegalStateException("Resource registered twice: " + resource.path());
    }
    return this;
  }

  /** Returns the account storage, for resources that look up users and clients. */
  public AccountStore accounts() {
    return accounts;
  }

  /** Returns the resource registered at a path, or null. */
  ApiResource resource(String path) {
    return resources.get(path);
  }

  /** Handles one call to a registered path. */
  void dispatch(Context ctx, ApiResource resource) {
    ApiResponse response = new ApiResponse(ctx, baseUrl, clock);
    ApiLimiter.Permit permit = null;
    try {
      requireRequestedWith(ctx, resource);
      // Credentials in headers are checked before the body is read, so that callers without
      // them cannot make the server read and decode large bodies.
      Caller caller = resource.credentialsInBody() ? null : authenticate(ctx, resource.path());
      ApiRequest request = parse(ctx, resource);
      String actionName = resource.hasActionParameter() ? request.params().get("action") : "";
      ActionSpec action = findAction(resource, actionName);
      if (caller == null && (action == null || action.authenticated())) {
        caller = authenticate(ctx, resource.path());
      }
      if (caller != null) {
        request.authenticate(caller.user(), caller.subscription());
      }
      if (resource.rateLimited() && caller != null) {
        // Unknown actions share one key, so random action names cannot grow the limiter's map.
        String api = resource.path() + " " + (action == null ? "?" : action.name());
        permit = limiter.acquire(caller.subscription().id(), api, caller.subscription().limits());
        setLimitHeaders(ctx, permit.headers());
      }
      if (action == null) {
        throw actionError(resource, actionName);
      }
      validate(request, action);
      if (caller != null) {
        checkRole(resource, action, caller.user());
      }
      if (request.flag("echo_request", false)) {
        response.echo(echo(request, action, ctx));
      }
      log.debug(
          "API call: path={} action={} login={}",
          resource.path(),
          action.name(),
          caller == null ? "-" : caller.user().login());
      action.handler().handle(request, response);
    } catch (Exception e) {
      fail(ctx, response, resource.path(), e);
    } finally {
      if (permit != null) {
        permit.close();
      }
    }
  }

  /**
   * Responds to a call to an unknown path under the API: 401 without valid credentials, else 404.
   */
  void notFound(Context ctx, String path) {
    ApiResponse response = new ApiResponse(ctx, baseUrl, clock);
    try {
      authenticate(ctx, path);
      throw new ApiException(ApiErrorCode.NOT_FOUND, "No API resource at " + path + ".");
    } catch (Exception e) {
      fail(ctx, response, path, e);
    }
  }

  /** Responds to a method other than GET and POST with code 1908, in the API's format. */
  void wrongMethod(Context ctx, String path) {
    ApiResponse response = new ApiResponse(ctx, baseUrl, clock);
    fail(ctx, response, path,
        new ApiException(ApiErrorCode.WRONG_METHOD,
            "Request method (" + ctx.method().name() + ") is incompatible with specified"
                + " parameter(s): the API takes GET and POST only"));
  }

  /** The authenticated user of a call and their subscription. */
  private record Caller(User user, Subscription subscription) {}

  private void requireRequestedWith(Context ctx, ApiResource resource) {
    if (resource.requiresRequestedWith() && ctx.header("X-Requested-With") == null) {
      throw new ApiException(
          ApiErrorCode.MISSING_REQUESTED_WITH,
          "Missing required header: X-Requested-With. Send it with any value on every API call,"
              + " for example X-Requested-With: curl.");
    }
  }

  private ApiRequest parse(Context ctx, ApiResource resource) {
    HttpMethod method =
        ctx.method().name().equals("POST") ? HttpMethod.POST : HttpMethod.GET;
    List<Map.Entry<String, String>> params =
        new ArrayList<>(ApiRequest.parseUrlEncoded(ctx.queryString()));
    String contentType = ctx.contentType();
    String formBody = null;
    byte[] rawBody = null;
    if (method == HttpMethod.POST) {
      long length = ctx.req().getContentLengthLong();
      if (length > MAX_BODY_BYTES) {
        throw new RequestTooLargeException(length);
      }
      byte[] body = readBody(ctx);
      if (isForm(contentType)) {
        formBody = new String(body, StandardCharsets.UTF_8);
        params.addAll(ApiRequest.parseUrlEncoded(formBody));
      } else if (body.length > 0) {
        rawBody = body;
      }
    }
    return new ApiRequest(
        method,
        resource.path(),
        params,
        formBody,
        contentType,
        rawBody,
        ctx.ip(),
        ctx.header("Cookie"));
  }

  /** Reads the body up to {@link #MAX_BODY_BYTES}, also when no Content-Length was sent. */
  private static byte[] readBody(Context ctx) {
    try (java.io.InputStream in = ctx.req().getInputStream()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        throw new RequestTooLargeException(body.length);
      }
      return body;
    } catch (java.io.IOException e) {
      throw new RequestBodyUnreadableException(e);
    }
  }

  private static boolean isForm(String contentType) {
    return contentType == null
        || contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
  }

  private static ActionSpec findAction(ApiResource resource, String actionName) {
    if (actionName == null) {
      return null;
    }
    return resource.action(actionName).orElse(null);
  }

  private ApiException actionError(ApiResource resource, String actionName) {
    if (actionName == null) {
      return ApiException.missing(List.of("action"));
    }
    return ApiException.invalidValue(
        "action", actionName, "use one of: " + String.join(", ", resource.actionNames()));
  }

  private Caller authenticate(Context ctx, String path) {
    String authorization = ctx.header("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      User user = authenticateBasic(authorization.substring(6).trim(), ctx.ip());
      return new Caller(user, subscriptionOf(user));
    }
    // Qualys accepts the session cookie only on URLs of the version-2 API.
    if (path.contains("/2.0/")) {
      for (String token : sessionTokens(ctx.header("Cookie"))) {
        Optional<User> user = sessions.resolve(token);
        if (user.isPresent()) {
          if (!user.get().isActive()) {
            sessions.end(token);
            throw inactive();
          }
          return new Caller(user.get(), subscriptionOf(user.get()));
        }
      }
    }
    throw badLogin();
  }

  private User authenticateBasic(String encoded, String clientAddress) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw badLogin();
    }
    int colon = decoded.indexOf(':');
    if (colon < 0) {
      throw badLogin();
    }
    return checkPassword(decoded.substring(0, colon), decoded.substring(colon + 1), clientAddress);
  }

  /**
   * Checks a login and password. While the throttle delays this login and address after repeated
   * failures, the attempt fails at once without a password check.
   *
   * @throws ApiException with code 2000 or 2002 when the login fails
   */
  User checkPassword(String login, String password, String clientAddress) {
    AuthResult result = authenticator.authenticate(login, password, clientAddress);
    if (result instanceof AuthResult.Authenticated authenticated) {
      return authenticated.user();
    }
    if (result instanceof AuthResult.Inactive) {
      throw inactive();
    }
    if (result instanceof AuthResult.Throttled throttled) {
      throw new ThrottledLoginException(throttled.retryAfter());
    }
    throw badLogin();
  }

  Subscription subscriptionOf(User user) {
    return accounts
        .findSubscription(user.subscriptionId())
        .orElseThrow(
            () -> new IllegalStateException("User " + user.login() + " has no subscription"));
  }

  /**
   * Returns the values of every QualysSession cookie in a Cookie header. Clients that store the
   * whole Set-Cookie line send its attributes back too ("QualysSession=...; path=/api; secure"),
   * so anything that is not a name=value pair is skipped.
   */
  static List<String> sessionTokens(String cookieHeader) {
    List<String> tokens = new ArrayList<>();
    if (cookieHeader == null) {
      return tokens;
    }
    for (String part : cookieHeader.split("[;,]")) {
      String pair = part.trim();
      int equals = pair.indexOf('=');
      if (equals > 0 && pair.substring(0, equals).trim().equals(SESSION_COOKIE)) {
        String value = pair.substring(equals + 1).trim();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        tokens.add(value);
      }
    }
    return tokens;
  }

  private static void validate(ApiRequest request, ActionSpec action) {
    if (!action.methods().contains(request.method())) {
      throw ApiException.wrongMethod(request.method().name(), List.of("action=" + action.name()));
    }
    List<String> unknown = new ArrayList<>();
    for (String name : request.params().keySet()) {
      if (!action.accepts(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw ApiException.unrecognized(unknown);
    }
    List<String> missing = new ArrayList<>();
    for (String name : action.required()) {
      String value = request.params().get(name);
      if (value == null || value.isEmpty()) {
        missing.add(name);
      }
    }
    if (!missing.isEmpty()) {
      throw ApiException.missing(missing);
    }
    for (List<String> group : action.exclusiveGroups()) {
      List<String> given = group.stream().filter(request::has).toList();
      if (given.size() > 1) {
        throw ApiException.exclusive(given);
      }
    }
    request.flag("echo_request", false);
  }

  private void checkRole(ApiResource resource, ActionSpec action, User user) {
    if (!policy.permits(resource.path(), action.name(), user.role())) {
      log.info(
          "API call denied: login={} role={} path={} action={}",
          user.login(),
          user.role().displayName(),
          resource.path(),
          action.name());
      throw new ApiException(
          ApiErrorCode.NOT_AUTHORIZED,
          "Access denied: the "
              + user.role().displayName()
              + " role cannot run action="
              + action.name()
              + " on "
              + resource.path()
              + ".");
    }
  }

  private RequestEcho echo(ApiRequest request, ActionSpec action, Context ctx) {
    List<Map.Entry<String, String>> params = new ArrayList<>();
    for (Map.Entry<String, String> param : request.paramsInOrder()) {
      if (!isSecret(action, param.getKey())) {
        params.add(param);
      }
    }
    String postData =
        request.formBody() == null ? null : withoutSecrets(request.formBody(), action);
    String login =
        request
            .userIfAuthenticated()
            .map(User::login)
            .orElse(request.params().getOrDefault("username", ""));
    return new RequestEcho(clock.instant(), login, baseUrl + ctx.path(), params, postData);
  }

  private static boolean isSecret(ActionSpec action, String name) {
    return ALWAYS_SECRET.contains(name) || action.isSecret(name);
  }

  /** Removes secret parameters from a url-encoded body, keeping the rest byte for byte. */
  static String withoutSecrets(String formBody, ActionSpec action) {
    List<String> kept = new ArrayList<>();
    for (String part : formBody.split("&")) {
      int equals = part.indexOf('=');
      String encodedName = equals < 0 ? part : part.substring(0, equals);
      String name;
      try {
        name = java.net.URLDecoder.decode(encodedName, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        name = encodedName;
      }
      if (!isSecret(action, name) && !part.isEmpty()) {
        kept.add(part);
      }
    }
    return String.join("&", kept);
  }

  private void fail(Context ctx, ApiResponse response, String path, Exception e) {
    if (response.isWritten() && clientGone(e)) {
      log.info("Client closed the connection during the response: path={} error={}", path,
          e.toString());
      return;
    }
    ApiException error = ApiErrors.toApiException(e, path);
    if (error instanceof LimitExceededException limited) {
      setLimitHeaders(ctx, limited.headers());
    }
    if (error instanceof ThrottledLoginException throttled) {
      ctx.header("Retry-After", Long.toString(throttled.retryAfterSeconds()));
    }
    if (response.isWritten()) {
      log.error("API call failed after its response had started: path={}", path, e);
      return;
    }
    response.status(error.code().httpStatus());
    response.write(SimpleReturn.error(error));
  }

  /**
   * Returns whether the failure is the client going away mid-response: Jetty's EofException,
   * or a reset or broken pipe, anywhere in the cause chain.
   */
  private static boolean clientGone(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof EofException) {
        return true;
      }
      String message = cause.getMessage();
      if (cause instanceof java.io.IOException && message != null
          && (message.contains("Connection reset") || message.contains("Broken pipe"))) {
        return true;
      }
    }
    return false;
  }

  private static void setLimitHeaders(Context ctx, LimitHeaders headers) {
    headers.asMap().forEach(ctx::header);
  }

  private static ApiException badLogin() {
    return new ApiException(ApiErrorCode.BAD_LOGIN, "Bad Login/Password");
  }

  private static ApiException inactive() {
    return new ApiException(ApiErrorCode.USER_INACTIVE, "User account is inactive");
  }

  /** Sets the request id of the log lines of this call. */
  static void withRequestId(String requestId, Runnable call) {
    MDC.put("requestId", requestId);
    try {
      call.run();
    } finally {
      MDC.remove("requestId");
    }
  }
}
