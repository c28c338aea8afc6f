package io.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.Role;
import io.vigil.account.UserStatus;
import io.vigil.testing.ApiReply;
import io.vigil.testing.MutableClock;
import io.vigil.testing.TestServer;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Session login and logout at /api/2.0/fo/session/, and calls made with the session cookie. */
class SessionApiTest {
  static final String SESSION = "/api/2.0/fo/session/";
  /** A call that needs authentication, to try sessions with. */
  static final String ABOUT = "/api/2.0/fo/vault/?action=list";
  static final Pattern COOKIE = Pattern.compile("QualysSession=([0-9a-f]{32}); path=/api");

  static final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
  static TestServer server;

  @BeforeAll
  static void start() {
    server =
        TestServer.builder()
            .clock(clock)
            .sessionTimeout(Duration.ofMinutes(30))
            .maxSessionsPerUser(2)
            .start();
    server.addUser("scanner1", Role.SCANNER);
    server.addUser("scanner2", Role.SCANNER);
    server.addUser("scanner3", Role.SCANNER);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String login(String user, String password) {
    ApiReply reply =
        server.anonymous().post(SESSION, "action=login&username=" + user + "&password=" + password);
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    Matcher matcher = COOKIE.matcher(reply.header("Set-Cookie").orElse(""));
    assertThat(matcher.find()).as("Set-Cookie %s", reply.header("Set-Cookie")).isTrue();
    return matcher.group(1);
  }

  @Test
  void loginReturnsLoggedInAndCookie() {
    ApiReply reply =
        server
            .anonymous()
            .post(SESSION, "action=login&username=admin&password=" + TestServer.ADMIN_PASSWORD);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.code()).isEmpty();
    assertThat(reply.responseText()).isEqualTo("Logged in");
    assertThat(reply.header("Set-Cookie").orElseThrow()).matches(
        "QualysSession=[0-9a-f]{32}; path=/api; HttpOnly");
    assertThat(reply.header("X-RateLimit-Limit")).isEmpty();
    server.anonymous().withCookie("QualysSession=" + cookieValue(reply)).post(SESSION,
        "action=logout");
  }

  @Test
  void sessionCookieAuthenticatesCalls() {
    String token = login("scanner1", TestServer.USER_PASSWORD);

    ApiReply about = server.anonymous().withCookie("QualysSession=" + token).get(ABOUT);

    assertThat(about.status()).isEqualTo(200);
    assertThat(about.xpath("/AUTH_VAULT_LIST_OUTPUT/RESPONSE/STATUS")).isEqualTo("Success");
    server.anonymous().withCookie("QualysSession=" + token).post(SESSION, "action=logout");
  }

  @Test
  void cookieHeaderWithAttributesIsAccepted() {
    String token = login("scanner1", TestServer.USER_PASSWORD);
    String echoed = "DWRSESSIONID=abc; QualysSession=" + token + "; path=/api; secure; HttpOnly";

    ApiReply about = server.anonymous().withCookie(echoed).get(ABOUT);

    assertThat(about.status()).isEqualTo(200);
    server.anonymous().withCookie(echoed).post(SESSION, "action=logout");
  }

  @Test
  void logoutEndsTheSession() {
    String token = login("scanner1", TestServer.USER_PASSWORD);

    ApiReply logout =
        server.anonymous().withCookie("QualysSession=" + token).post(SESSION, "action=logout");
    ApiReply after = server.anonymous().withCookie("QualysSession=" + token).get(ABOUT);

    assertThat(logout.status()).isEqualTo(200);
    assertThat(logout.responseText()).isEqualTo("Logged out");
    assertThat(logout.header("X-RateLimit-Limit")).isEmpty();
    assertThat(after.status()).isEqualTo(401);
    assertThat(after.code()).isEqualTo("2000");
  }

  @Test
  void logoutWithoutSessionGetsCode2000() {
    ApiReply reply = server.anonymous().post(SESSION, "action=logout");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("2000");
  }

  @Test
  void sessionExpiresAfterInactivity() {
    String token = login("scanner2", TestServer.USER_PASSWORD);
    clock.advance(Duration.ofMinutes(20));
    ApiReply stillAlive = server.anonymous().withCookie("QualysSession=" + token).get(ABOUT);
    clock.advance(Duration.ofMinutes(29));
    ApiReply afterUse = server.anonymous().withCookie("QualysSession=" + token).get(ABOUT);
    clock.advance(Duration.ofMinutes(31));
    ApiReply expired = server.anonymous().withCookie("QualysSession=" + token).get(ABOUT);

    assertThat(stillAlive.status()).isEqualTo(200);
    assertThat(afterUse.status()).isEqualTo(200);
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.code()).isEqualTo("2000");
  }

  @Test
  void sessionsPerUserAreBounded() {
    String first = login("scanner3", TestServer.USER_PASSWORD);
    String second = login("scanner3", TestServer.USER_PASSWORD);

    ApiReply third =
        server
            .anonymous()
            .post(SESSION, "action=login&username=scanner3&password=" + TestServer.USER_PASSWORD);
    server.anonymous().withCookie("QualysSession=" + first).post(SESSION, "action=logout");
    String afterLogout = login("scanner3", TestServer.USER_PASSWORD);

    assertThat(third.status()).isEqualTo(409);
    assertThat(third.code()).isEqualTo("2014");
    assertThat(third.responseText()).isEqualTo("Too many concurrent login(s)");
    assertThat(afterLogout).isNotEqualTo(second);
    server.anonymous().withCookie("QualysSession=" + second).post(SESSION, "action=logout");
    server.anonymous().withCookie("QualysSession=" + afterLogout).post(SESSION, "action=logout");
  }

  @Test
  void sessionCookieIsRefusedOutsideVersion2() {
    String token = login("scanner1", TestServer.USER_PASSWORD);

    ApiReply about = server.anonymous().withCookie("QualysSession=" + token).get("/msp/about.php");

    assertThat(about.status()).isEqualTo(401);
    assertThat(about.code()).isEqualTo("2000");
    server.anonymous().withCookie("QualysSession=" + token).post(SESSION, "action=logout");
  }

  @Test
  void passwordChangeEndsSessions() {
    server.addUser("rotating", Role.SCANNER);
    String token = login("rotating", TestServer.USER_PASSWORD);

    server.server().accounts().changePassword("rotating", "a-brand-new-password");
    ApiReply after = server.anonymous().withCookie("QualysSession=" + token).get(ABOUT);

    assertThat(after.status()).isEqualTo(401);
  }

  @Test
  void loginWithGetGetsCode1908() {
    ApiReply reply =
        server
            .anonymous()
            .get(SESSION + "?action=login&username=admin&password=" + TestServer.ADMIN_PASSWORD);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1908");
  }

  @Test
  void loginWithWrongPasswordGetsCode2000() {
    ApiReply reply = server.anonymous().post(SESSION, "action=login&username=admin&password=nope");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("2000");
    assertThat(reply.header("Set-Cookie")).isEmpty();
  }

  @Test
  void loginWithoutPasswordGetsCode1903() {
    ApiReply reply = server.anonymous().post(SESSION, "action=login&username=admin");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1903");
    assertThat(reply.responseText()).isEqualTo("Missing required parameter(s): password");
  }

  @Test
  void echoedLoginOmitsPassword() {
    ApiReply reply =
        server
            .anonymous()
            .post(
                SESSION,
                "action=login&echo_request=1&username=admin&password="
                    + TestServer.ADMIN_PASSWORD);

    assertThat(reply.xpath("name(/SIMPLE_RETURN/*[1])")).isEqualTo("REQUEST");
    assertThat(reply.xpath("/SIMPLE_RETURN/REQUEST/USER_LOGIN")).isEqualTo("admin");
    assertThat(reply.count("//PARAM[KEY='password']")).isZero();
    assertThat(reply.xpath("/SIMPLE_RETURN/REQUEST/POST_DATA"))
        .isEqualTo("action=login&echo_request=1&username=admin");
    assertThat(reply.text()).doesNotContain(TestServer.ADMIN_PASSWORD);
    server.anonymous().withCookie("QualysSession=" + cookieValue(reply)).post(SESSION,
        "action=logout");
  }

  @Test
  void disabledUserCannotLogIn() {
    server.addUser("former", Role.READER);
    server.server().accounts().setStatus("former", UserStatus.INACTIVE);

    ApiReply reply =
        server
            .anonymous()
            .post(SESSION, "action=login&username=former&password=" + TestServer.USER_PASSWORD);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("2002");
  }

  @Test
  void disablingUserEndsItsSessions() {
    server.addUser("suspended", Role.READER);
    String token = login("suspended", TestServer.USER_PASSWORD);
    server.server().accounts().setStatus("suspended", UserStatus.INACTIVE);

    ApiReply reply = server.anonymous().withCookie("QualysSession=" + token).get(ABOUT);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("2002");
  }

  private static String cookieValue(ApiReply reply) {
    Matcher matcher = COOKIE.matcher(reply.header("Set-Cookie").orElse(""));
    return matcher.find() ? matcher.group(1) : "";
  }
}
