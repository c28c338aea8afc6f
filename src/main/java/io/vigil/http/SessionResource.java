package io.vigil.http;

import io.vigil.account.User;
import io.vigil.session.SessionService;

/**
 * /api/2.0/fo/session/: login with username and password sets the QualysSession cookie, logout
 * with the cookie ends the session. Exempt from the API limits, as on Qualys.
 */
final class SessionResource {
  static final String PATH = "/api/2.0/fo/session/";

  private final SessionService sessions;
  private final ApiDispatcher dispatcher;
  private final boolean secureCookie;

  SessionResource(SessionService sessions, ApiDispatcher dispatcher, boolean secureCookie) {
    this.sessions = sessions;
    this.dispatcher = dispatcher;
    this.secureCookie = secureCookie;
  }

  ApiResource resource() {
    return ApiResource.sessionResource(
        PATH,
        ActionSpec.postAction("login")
            .required("username", "password")
            .unauthenticated()
            .handledBy(this::login),
        ActionSpec.postAction("logout").handledBy(this::logout));
  }

  private void login(ApiRequest request, ApiResponse response) {
    User user =
        dispatcher.checkPassword(
            request.required("username"), request.required("password"), request.clientAddress());
    request.authenticate(user, dispatcher.subscriptionOf(user));
    String token = sessions.start(user);
    String cookie =
        ApiDispatcher.SESSION_COOKIE + "=" + token + "; path=/api" + (secureCookie ? "; secure" : "")
            + "; HttpOnly";
    response.header("Set-Cookie", cookie);
    response.simpleReturn("Logged in");
  }

  private void logout(ApiRequest request, ApiResponse response) {
    // The dispatcher has already authenticated the call, by cookie or by Basic.
    for (String token : ApiDispatcher.sessionTokens(request.cookieHeader())) {
      sessions.end(token);
    }
    response.header(
        "Set-Cookie",
        ApiDispatcher.SESSION_COOKIE
            + "=deleted; path=/api; Max-Age=0"
            + (secureCookie ? "; secure" : ""));
    response.simpleReturn("Logged out");
  }
}
