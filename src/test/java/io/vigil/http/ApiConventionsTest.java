package io.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.AccountService;
import io.vigil.account.ApiLimits;
import io.vigil.account.Client;
import io.vigil.account.Role;
import io.vigil.account.SubscriptionType;
import io.vigil.account.UserStatus;
import io.vigil.testing.ApiClient;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The request rules every /api/2.0/fo/ endpoint shares, checked through a real server. */
class ApiConventionsTest {
  static final String PROBE = "/api/2.0/fo/vigil_probe/";

  static TestServer server;
  static ApiClient admin;

  @BeforeAll
  static void start() {
    server =
        TestServer.builder()
            .resources(
                resources -> {
                  resources
                      .policy()
                      .allow(PROBE, "list", AccessPolicy.EVERY_ROLE)
                      .allow(PROBE, "update", EnumSet.of(Role.MANAGER));
                  resources.add(dispatcher -> probe(new ClientParameters(
                      dispatcher.accounts())));
                })
            .start();
    admin = server.admin();
    server.addUser("reader1", Role.READER);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void enterprise() {
    AccountService accounts = server.server().accounts();
    accounts.updateSubscription(
        accounts.defaultSubscription().id(), SubscriptionType.ENTERPRISE, ApiLimits.SELF_HOSTED);
  }

  /** Returns a test-only resource that writes back what it received. */
  static ApiResource probe(ClientParameters clients) {
    return ApiResource.of(
        PROBE,
        ClientParameters.accept(ActionSpec.readAction("list").optional("ids", "flag"))
            .handledBy(
                (request, response) -> {
                  Map<String, String> items = new LinkedHashMap<>(request.params());
                  clients.resolve(request).ifPresent(c -> items.put("CLIENT", c.name()));
                  request.flag("flag", false);
                  response.simpleReturn("Probe listed", items);
                }),
        ActionSpec.postAction("update")
            .required("title")
            .handledBy((request, response) -> response.simpleReturn("Probe updated")));
  }

  @Test
  void missingTrailingSlashRedirects() {
    ApiReply reply = server.anonymous().get("/api/2.0/fo/scan?action=list");

    assertThat(reply.status()).isEqualTo(301);
    assertThat(reply.header("Location"))
        .contains(TestServer.BASE_URL + "/api/2.0/fo/scan/?action=list");
  }

  @Test
  void missingRequestedWithHeaderIsRejected() {
    ApiReply reply = admin.withoutHeader("X-Requested-With").get(PROBE + "?action=list");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1910");
    assertThat(reply.responseText()).contains("X-Requested-With");
  }

  @Test
  void emptyRequestedWithHeaderIsAccepted() {
    ApiReply reply = admin.withHeader("X-Requested-With", "").get(PROBE + "?action=list");

    assertThat(reply.status()).isEqualTo(200);
  }

  @Test
  void wrongPasswordGetsCode2000() {
    ApiReply reply = server.anonymous().withBasic("admin", "wrong").get(PROBE + "?action=list");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("2000");
    assertThat(reply.responseText()).isEqualTo("Bad Login/Password");
    assertThat(reply.header("X-RateLimit-Limit")).isEmpty();
  }

  @Test
  void noCredentialsGetsCode2000() {
    ApiReply reply = server.anonymous().get(PROBE + "?action=list");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("2000");
  }

  @Test
  void disabledUserGetsCode2002() {
    server.addUser("leaver", Role.SCANNER);
    server.server().accounts().setStatus("leaver", UserStatus.INACTIVE);

    ApiReply reply = server.as("leaver").get(PROBE + "?action=list");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("2002");
    assertThat(reply.responseText()).isEqualTo("User account is inactive");
  }

  @Test
  void missingActionGetsCode1903() {
    ApiReply reply = admin.get(PROBE);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1903");
    assertThat(reply.responseText()).isEqualTo("Missing required parameter(s): action");
    assertThat(reply.header("X-RateLimit-Limit")).isPresent();
  }

  @Test
  void unknownActionGetsCode1905() {
    ApiReply reply = admin.get(PROBE + "?action=explode");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).startsWith("parameter action has invalid value: explode");
  }

  @Test
  void unknownParameterGetsCode1901() {
    ApiReply reply = admin.get(PROBE + "?action=list&bogus=1&Ids=2");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1901");
    assertThat(reply.responseText()).isEqualTo("Unrecognized parameter(s): bogus, Ids");
  }

  @Test
  void missingRequiredParameterGetsCode1903() {
    ApiReply reply = admin.post(PROBE, "action=update");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1903");
    assertThat(reply.responseText()).isEqualTo("Missing required parameter(s): title");
  }

  @Test
  void exclusiveParametersGetCode1904() {
    ApiReply reply = admin.get(PROBE + "?action=list&client_id=1&client_name=Acme");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1904");
    assertThat(reply.responseText())
        .isEqualTo("Please specify only one of these parameters: client_id, client_name");
  }

  @Test
  void invalidFlagGetsCode1905() {
    ApiReply reply = admin.get(PROBE + "?action=list&flag=yes");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).isEqualTo("parameter flag has invalid value: yes (must be 0 or 1)");
  }

  @Test
  void getOnPostOnlyActionGetsCode1908() {
    ApiReply reply = admin.get(PROBE + "?action=update&title=x");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1908");
    assertThat(reply.responseText()).contains("GET").contains("action=update");
  }

  @Test
  void queryAndBodyParametersAreMerged() {
    ApiReply reply = admin.post(PROBE + "?action=list&ids=1", "ids=2&flag=1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.xpath("//ITEM[KEY='ids']/VALUE")).isEqualTo("2");
    assertThat(reply.xpath("//ITEM[KEY='flag']/VALUE")).isEqualTo("1");
  }

  @Test
  void postWithQueryStringAndEmptyBodyWorks() {
    ApiReply reply = admin.postQuery(PROBE + "?action=update&title=Weekly");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.responseText()).isEqualTo("Probe updated");
  }

  @Test
  void deniedRoleGetsAnErrorNotATrace() {
    ApiReply reply = server.as("reader1").post(PROBE, "action=update&title=x");

    assertThat(reply.status()).isEqualTo(403);
    assertThat(reply.code()).isEqualTo("2012");
    assertThat(reply.responseText()).contains("Reader").contains("action=update");
  }

  @Test
  void echoRequestPutsRequestFirst() {
    ApiReply reply = admin.post(PROBE, "action=list&echo_request=1&ids=7");

    assertThat(reply.xpath("name(/SIMPLE_RETURN/*[1])")).isEqualTo("REQUEST");
    assertThat(reply.xpath("/SIMPLE_RETURN/REQUEST/USER_LOGIN")).isEqualTo("admin");
    assertThat(reply.xpath("/SIMPLE_RETURN/REQUEST/RESOURCE")).isEqualTo(TestServer.BASE_URL + PROBE);
    assertThat(reply.xpath("/SIMPLE_RETURN/REQUEST/PARAM_LIST/PARAM[KEY='ids']/VALUE"))
        .isEqualTo("7");
    assertThat(reply.xpath("/SIMPLE_RETURN/REQUEST/POST_DATA"))
        .isEqualTo("action=list&echo_request=1&ids=7");
  }

  @Test
  void clientParametersAreUnavailableOnEnterprise() {
    ApiReply reply = admin.get(PROBE + "?action=list&client_name=Acme");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1901");
    assertThat(reply.responseText()).isEqualTo("Unrecognized parameter(s): client_name");
  }

  @Test
  void clientParametersSelectAConsultantClient() {
    AccountService accounts = server.server().accounts();
    long subscription = accounts.defaultSubscription().id();
    accounts.updateSubscription(subscription, SubscriptionType.CONSULTANT, ApiLimits.SELF_HOSTED);
    Client acme = accounts.listClients(subscription).stream()
        .filter(c -> c.name().equals("Acme Corp"))
        .findFirst()
        .orElseGet(() -> accounts.addClient(subscription, "Acme Corp"));

    ApiReply byId = admin.get(PROBE + "?action=list&client_id=" + acme.id());
    ApiReply byName = admin.get(PROBE + "?action=list&client_name=Acme%20Corp");
    ApiReply unknown = admin.get(PROBE + "?action=list&client_id=999999");

    assertThat(byId.xpath("//ITEM[KEY='CLIENT']/VALUE")).isEqualTo("Acme Corp");
    assertThat(byName.xpath("//ITEM[KEY='CLIENT']/VALUE")).isEqualTo("Acme Corp");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.code()).isEqualTo("1905");
    assertThat(unknown.responseText()).contains("client_id").contains("999999");
  }

  @Test
  void responsesCarryQualysHeaders() {
    ApiReply reply = admin.get(PROBE + "?action=list");

    assertThat(reply.header("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).isEqualToIgnoringCase("text/xml;charset=UTF-8"));
    assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(reply.header("X-RateLimit-Limit")).hasValue("10000");
    assertThat(reply.header("X-RateLimit-Window-Sec")).hasValue("3600");
    assertThat(reply.header("X-Concurrency-Limit-Limit")).hasValue("10");
    assertThat(reply.header("X-Concurrency-Limit-Running")).hasValue("0");
    assertThat(reply.header("X-RateLimit-ToWait-Sec")).hasValue("0");
    assertThat(reply.header("X-RateLimit-Remaining")).isPresent();
    assertThat(reply.text()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n"
        + "<!DOCTYPE SIMPLE_RETURN SYSTEM \"" + TestServer.BASE_URL
        + "/api/2.0/simple_return.dtd\">\n");
  }

  @Test
  void putGetsCode1908() throws Exception {
    java.net.http.HttpResponse<String> reply =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(server.uri().resolve(PROBE + "?action=list"))
                    .header("X-Requested-With", "vigil-tests")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

    assertThat(reply.statusCode()).isEqualTo(400);
    assertThat(reply.body()).contains("<CODE>1908</CODE>").contains("Request method (PUT)");
  }

  @Test
  void otherMethodsGetCode1908() throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
    for (String method : new String[] {"OPTIONS", "TRACE", "PROPFIND"}) {
      java.net.http.HttpResponse<String> reply = client.send(
          java.net.http.HttpRequest.newBuilder(server.uri().resolve(PROBE + "?action=list"))
              .header("X-Requested-With", "vigil-tests")
              .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
              .build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());

      assertThat(reply.statusCode()).as(method).isEqualTo(400);
      assertThat(reply.headers().firstValue("Content-Type")).as(method).hasValueSatisfying(
          type -> assertThat(type).startsWith("text/xml"));
      assertThat(reply.body()).as(method).contains("<CODE>1908</CODE>")
          .contains("Request method (" + method + ")");
    }
  }

  @Test
  void unknownResourceIsNotFound() {
    ApiReply reply = admin.get("/api/2.0/fo/nothing_here/?action=list");

    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.code()).isEqualTo("1925");
  }

  @Test
  void unknownResourceNeedsCredentialsFirst() {
    ApiReply reply = server.anonymous().withBasic("admin", "wrong").get("/api/2.0/fo/scan/?action=list");

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("2000");
  }

  @Test
  void malformedPercentEscapeStaysLiteral() {
    ApiReply reply = admin.post(PROBE, "action=list&ids=50%off&flag=%");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).isEqualTo("parameter flag has invalid value: % (must be 0 or 1)");
  }

  @Test
  void oversizedBodyGetsCode1926() throws Exception {
    // Only the headers are sent: the declared length alone must get the response, so the server
    // never reads such a body.
    String credentials = java.util.Base64.getEncoder().encodeToString(
        ("admin:" + TestServer.ADMIN_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    String head = "POST " + PROBE + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        + "X-Requested-With: vigil-tests\r\nAuthorization: Basic " + credentials + "\r\n"
        + "Content-Type: application/x-www-form-urlencoded\r\n"
        + "Content-Length: " + (ApiDispatcher.MAX_BODY_BYTES + 1) + "\r\nConnection: close\r\n\r\n";
    String response;
    try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.server().port())) {
      socket.setSoTimeout(30_000);
      socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      response = new String(socket.getInputStream().readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8);
    }

    assertThat(response).startsWith("HTTP/1.1 413");
    assertThat(response).contains("<CODE>1926</CODE>");
  }

  @Test
  void bodyWithoutCredentialsGetsCode2000() {
    // A small body: with a large one the server may respond and close before the client has
    // sent it all, and the client then sees a reset instead of the response.
    String body = "action=list&ids=50%zz" + "1".repeat(1_000);

    ApiReply reply = server.anonymous().post(PROBE, body);

    assertThat(reply.status()).isEqualTo(401);
    assertThat(reply.code()).isEqualTo("2000");
  }

  @Test
  void dtdIsServedWithoutCredentials() {
    ApiReply reply = server.anonymous().get("/api/2.0/simple_return.dtd");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.text()).contains("<!ELEMENT SIMPLE_RETURN (REQUEST?, RESPONSE)>");
  }

  @Test
  void healthAndMetricsNeedNoCredentials() {
    ApiReply health = server.anonymous().withoutHeader("X-Requested-With").get("/health");
    ApiReply metrics = server.anonymous().withoutHeader("X-Requested-With").get("/metrics");

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.text()).contains("\"status\":\"UP\"");
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.text()).contains("jvm_memory_used_bytes");
  }
}
