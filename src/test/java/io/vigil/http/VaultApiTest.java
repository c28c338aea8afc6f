package io.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.Role;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/2.0/fo/vault/ through a real server, against the samples of the Qualys release notes. */
class VaultApiTest {
  static final String VAULT = "/api/2.0/fo/vault/";
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    server.addUser("scanner1", Role.SCANNER);
    server.addUser("unitmanager1", Role.UNIT_MANAGER);
    server.addUser("unitmanager2", Role.UNIT_MANAGER);
    server.server().accounts().setManageAuth("unitmanager2", true);
    server.addUser("auditor1", Role.AUDITOR);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String form(String... pairs) {
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < pairs.length; i += 2) {
      if (body.length() > 0) {
        body.append('&');
      }
      body.append(pairs[i]).append('=')
          .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
    }
    return body.toString();
  }

  static String createWab(String title, String secretName, String secret) {
    ApiReply reply =
        server
            .admin()
            .post(
                VAULT,
                form(
                    "action", "create", "type", "Wallix AdminBastion (WAB)", "title", title,
                    "url", "https://wab.example.com/api", "ssl_verify", "1", "username", "user",
                    secretName, secret, "comments", "creating wab vault from api"));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.xpath("//ITEM[KEY='ID']/VALUE");
  }

  @Test
  void createWabWithPasswordReturnsId() {
    ApiReply reply =
        server
            .admin()
            .post(
                VAULT,
                form(
                    "action", "create", "type", "Wallix AdminBastion (WAB)", "title",
                    "My WAB Vault create", "url", "https://wab.example.com/api", "ssl_verify", "1",
                    "username", "user", "password", "abc123", "comments", "from api"));

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.responseText()).isEqualTo("Success");
    assertThat(reply.xpath("//ITEM/KEY")).isEqualTo("ID");
    assertThat(reply.xpath("//ITEM/VALUE")).matches("[0-9]+");
  }

  @Test
  void viewMatchesReleaseNotesSample() {
    String id = createWab("My WAB Vault", "appkey", "AyZJINAyDIaPpzCBsT6ElNROB09Sfa6fshZ2LHH3V6G");

    ApiReply view = server.admin().post(VAULT, form("action", "view", "id", id));

    String base = "/VAULT_OUTPUT/RESPONSE/VAULT_QUEST/";
    assertThat(view.count("/VAULT_OUTPUT/RESPONSE/VAULT_QUEST/*")).isEqualTo(11);
    assertThat(view.xpath("name(" + base + "*[1])")).isEqualTo("TITLE");
    assertThat(view.xpath(base + "TITLE")).isEqualTo("My WAB Vault");
    assertThat(view.xpath(base + "COMMENTS")).isEqualTo("creating wab vault from api");
    assertThat(view.xpath(base + "VAULT_TYPE")).isEqualTo("Wallix AdminBastion (WAB)");
    assertThat(view.xpath(base + "CREATED_ON")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    assertThat(view.xpath(base + "OWNER")).isEqualTo("admin");
    assertThat(view.xpath(base + "LAST_MODIFIED/BY")).isEqualTo("admin");
    assertThat(view.xpath("name(" + base + "*[7])")).isEqualTo("APPKEY");
    assertThat(view.xpath(base + "APPKEY")).isEmpty();
    assertThat(view.xpath(base + "USERNAME")).isEqualTo("user");
    assertThat(view.xpath(base + "URL")).isEqualTo("https://wab.example.com/api");
    assertThat(view.xpath(base + "SSL_VERIFY")).isEqualTo("1");
    assertThat(view.xpath(base + "ID")).isEqualTo(id);
    assertThat(view.text()).doesNotContain("AyZJINAyDIaPpzCBsT6ElNROB09Sfa6fshZ2LHH3V6G");
    assertThat(view.text()).contains("<APPKEY><![CDATA[]]></APPKEY>");
  }

  @Test
  void viewEchoPutsRequestBeforeResponse() {
    String id = createWab("Echo WAB Vault", "password", "xyz456-secret");

    ApiReply view = server.admin().post(VAULT, form("action", "view", "id", id, "echo_request",
        "1"));

    assertThat(view.xpath("name(/VAULT_OUTPUT/*[1])")).isEqualTo("REQUEST");
    assertThat(view.xpath("name(/VAULT_OUTPUT/*[2])")).isEqualTo("RESPONSE");
    assertThat(view.xpath("/VAULT_OUTPUT/REQUEST/PARAM_LIST/PARAM[KEY='id']/VALUE")).isEqualTo(id);
  }

  @Test
  void listFiltersByTitle() {
    String id = createWab("Listed WAB Vault", "password", "pw-listed-1");

    ApiReply list = server.admin().post(VAULT, form("action", "list", "title", "Listed WAB Vault"));

    assertThat(list.xpath("/AUTH_VAULT_LIST_OUTPUT/RESPONSE/STATUS")).isEqualTo("Success");
    assertThat(list.xpath("/AUTH_VAULT_LIST_OUTPUT/RESPONSE/COUNT")).isEqualTo("1");
    String vault = "/AUTH_VAULT_LIST_OUTPUT/RESPONSE/AUTH_VAULTS/AUTH_VAULT/";
    assertThat(list.xpath(vault + "TITLE")).isEqualTo("Listed WAB Vault");
    assertThat(list.xpath(vault + "VAULT_TYPE")).isEqualTo("Wallix AdminBastion (WAB)");
    assertThat(list.xpath(vault + "LAST_MODIFIED/BY")).isEqualTo("admin");
    assertThat(list.xpath(vault + "ID")).isEqualTo(id);
    assertThat(list.text()).contains("<TITLE><![CDATA[Listed WAB Vault]]></TITLE>");
  }

  @Test
  void listPagesWithLimitAndOffset() {
    for (int i = 0; i < 3; i++) {
      createWab("Paged vault " + i, "password", "pw-paged-" + i);
    }

    ApiReply page = server.admin().get(VAULT + "?action=list&orderby=title&sortorder=desc"
        + "&limit=2&offset=1");
    ApiReply onlyLimit = server.admin().get(VAULT + "?action=list&limit=2");

    assertThat(page.xpath("/AUTH_VAULT_LIST_OUTPUT/RESPONSE/COUNT")).isEqualTo("2");
    assertThat(onlyLimit.status()).isEqualTo(400);
    assertThat(onlyLimit.code()).isEqualTo("1903");
    assertThat(onlyLimit.responseText()).isEqualTo("Missing required parameter(s): offset");
  }

  @Test
  void cyberArkTypesUseNewSpelling() {
    ApiReply created =
        server
            .admin()
            .post(
                VAULT,
                form(
                    "action", "create", "title", "CyberArk_AIM Vault", "type", "Cyber-Ark AIM",
                    "appid", "Qualys_Scanner_1522015219", "safe", "my_safe", "url",
                    "http://host.domain/AIMWebService/v1.1/AIM.asmx"));
    String id = created.xpath("//ITEM[KEY='ID']/VALUE");

    ApiReply view = server.admin().post(VAULT, form("action", "view", "id", id));

    assertThat(created.responseText()).isEqualTo("Success");
    assertThat(view.xpath("//VAULT_TYPE")).isEqualTo("CyberArk AIM");
    assertThat(view.xpath("//APPID")).isEqualTo("Qualys_Scanner_1522015219");
    assertThat(view.xpath("//SAFE")).isEqualTo("my_safe");
    assertThat(view.text()).doesNotContain("Cyber-Ark");
  }

  @Test
  void passwordAndAppkeyTogetherGetCode1904() {
    ApiReply reply =
        server
            .admin()
            .post(
                VAULT,
                form(
                    "action", "create", "type", "Wallix AdminBastion (WAB)", "title", "Both",
                    "url", "https://wab.example.com/api", "username", "user", "password", "a",
                    "appkey", "b"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1904");
  }

  @Test
  void wabWithoutSecretIsRejected() {
    ApiReply reply =
        server
            .admin()
            .post(
                VAULT,
                form(
                    "action", "create", "type", "Wallix AdminBastion (WAB)", "title", "None",
                    "url", "https://wab.example.com/api", "username", "user"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).contains("password or appkey");
  }

  @Test
  void invalidAppkeysAreRejected() {
    String[] invalid = {" leading", "trailing.", "has/slash", "colon:", "star*", "quote\"",
        "pipe|", "caf\u00e9"};
    for (String appkey : invalid) {
      ApiReply reply =
          server
              .admin()
              .post(
                  VAULT,
                  form(
                      "action", "create", "type", "Wallix AdminBastion (WAB)", "title",
                      "Bad key", "url", "https://wab.example.com/api", "username", "user",
                      "appkey", appkey));

      assertThat(reply.status()).as(appkey).isEqualTo(400);
      assertThat(reply.code()).as(appkey).isEqualTo("1905");
      assertThat(reply.responseText()).as(appkey).startsWith("parameter appkey has invalid value");
      assertThat(reply.text()).as(appkey).doesNotContain(appkey.trim());
    }
  }

  @Test
  void fieldOfAnotherTypeGetsCode1901() {
    ApiReply reply =
        server
            .admin()
            .post(
                VAULT,
                form(
                    "action", "create", "type", "Wallix AdminBastion (WAB)", "title", "Mixed",
                    "url", "https://wab.example.com/api", "username", "user", "password", "pw",
                    "safe", "my_safe"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1901");
    assertThat(reply.responseText()).isEqualTo("Unrecognized parameter(s): safe");
  }

  @Test
  void unknownTypeGetsCode1905() {
    ApiReply reply =
        server.admin().post(VAULT, form("action", "create", "type", "KeePass", "title", "K"));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).contains("CyberArk PIM Suite");
  }

  @Test
  void updateChangesSettingsAndKeepsSecret() {
    String id = createWab("Before update", "password", "abc123-update");

    ApiReply update =
        server
            .admin()
            .post(
                VAULT,
                form(
                    "action", "update", "id", id, "title", "New Vault Title", "ssl_verify", "0",
                    "username", "user2", "comments", "Update vault"));
    ApiReply view = server.admin().post(VAULT, form("action", "view", "id", id));

    assertThat(update.responseText()).isEqualTo("Success");
    assertThat(update.xpath("//ITEM[KEY='ID']/VALUE")).isEqualTo(id);
    assertThat(view.xpath("//TITLE")).isEqualTo("New Vault Title");
    assertThat(view.xpath("//SSL_VERIFY")).isEqualTo("0");
    assertThat(view.xpath("//USERNAME")).isEqualTo("user2");
    assertThat(view.xpath("//COMMENTS")).isEqualTo("Update vault");
  }

  @Test
  void duplicateTitleIsRejected() {
    createWab("Twice", "password", "pw-twice");

    ApiReply again =
        server
            .admin()
            .post(
                VAULT,
                form(
                    "action", "create", "type", "Wallix AdminBastion (WAB)", "title", "Twice",
                    "url", "https://wab.example.com/api", "username", "user", "password", "pw"));

    assertThat(again.status()).isEqualTo(400);
    assertThat(again.code()).isEqualTo("1905");
    assertThat(again.responseText()).contains("Twice");
  }

  @Test
  void deleteRemovesVault() {
    String id = createWab("To delete", "password", "pw-delete");

    ApiReply delete = server.admin().post(VAULT, form("action", "delete", "id", id));
    ApiReply view = server.admin().post(VAULT, form("action", "view", "id", id));

    assertThat(delete.responseText()).isEqualTo("Success");
    assertThat(view.status()).isEqualTo(400);
    assertThat(view.code()).isEqualTo("1905");
    assertThat(view.responseText()).contains("no vault has this id");
  }

  @Test
  void scannerMayViewButNotCreate() {
    String id = createWab("Scanner sees", "password", "pw-scanner");

    ApiReply view = server.as("scanner1").post(VAULT, form("action", "view", "id", id));
    ApiReply create =
        server.as("scanner1").post(VAULT, form("action", "delete", "id", id));

    assertThat(view.status()).isEqualTo(200);
    assertThat(create.status()).isEqualTo(403);
    assertThat(create.code()).isEqualTo("2012");
  }

  @Test
  void unitManagerNeedsPermission() {
    String body =
        form(
            "action", "create", "type", "Wallix AdminBastion (WAB)", "title", "By unit manager",
            "url", "https://wab.example.com/api", "username", "user", "password", "pw-um");

    ApiReply without = server.as("unitmanager1").post(VAULT, body);
    ApiReply with = server.as("unitmanager2").post(VAULT, body);

    assertThat(without.status()).isEqualTo(403);
    assertThat(without.code()).isEqualTo("2012");
    assertThat(with.status()).isEqualTo(200);
  }

  @Test
  void auditorCannotList() {
    ApiReply reply = server.as("auditor1").get(VAULT + "?action=list");

    assertThat(reply.status()).isEqualTo(403);
  }

  @Test
  void deleteWithGetGetsCode1908() {
    ApiReply reply = server.admin().get(VAULT + "?action=delete&id=1");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1908");
  }
}
