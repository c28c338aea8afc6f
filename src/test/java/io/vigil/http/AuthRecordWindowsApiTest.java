package io.vigil.http;

import static io.vigil.testing.Forms.encode;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.Role;
import io.vigil.testing.ApiReply;
import io.vigil.testing.MutableClock;
import io.vigil.testing.TestServer;
import io.vigil.testing.XmlElements;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/2.0/fo/auth/windows/ through a real server, against Qualys' documented samples. */
class AuthRecordWindowsApiTest {
  static final String WINDOWS = "/api/2.0/fo/auth/windows/";
  static final String VAULT = "/api/2.0/fo/vault/";
  static final String WAB = "Wallix AdminBastion (WAB)";

  static final MutableClock clock = MutableClock.at("2018-05-08T21:17:36Z");
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.builder().clock(clock).start();
    server.addUser("qualys_ps", Role.MANAGER);
    server.addUser("scanner1", Role.SCANNER);
    server.addUser("unitmanager1", Role.UNIT_MANAGER);
    server.addUser("unitmanager2", Role.UNIT_MANAGER);
    server.server().accounts().setManageAuth("unitmanager2", true);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String createVault(String... typeAndFields) {
    return createVaultOn(server, typeAndFields);
  }

  /** Creates a vault through the vault API and returns its id. */
  static String createVaultOn(TestServer on, String... typeAndFields) {
    ApiReply reply = on.admin().post(VAULT, encode(withAction("create", typeAndFields)));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.xpath("//ITEM[KEY='ID']/VALUE");
  }

  static String createWabVault(String title) {
    return createVault("type", WAB, "title", title, "url", "https://wab.example.com/api",
        "username", "user", "password", "wab-vault-password");
  }

  static String createWindows(String... pairs) {
    ApiReply reply = server.admin().post(WINDOWS, encode(withAction("create", pairs)));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.xpath("/BATCH_RETURN/RESPONSE/BATCH_LIST/BATCH/ID_SET/ID");
  }

  static String[] withAction(String action, String... pairs) {
    String[] all = new String[pairs.length + 2];
    all[0] = "action";
    all[1] = action;
    System.arraycopy(pairs, 0, all, 2, pairs.length);
    return all;
  }

  /** Replaces the values of a sample's elements that differ per run with those of a reply. */
  static List<String> withValues(List<String> lines, String path, String value) {
    return lines.stream()
        .map(line -> line.startsWith(path + "=") ? path + "=" + value : line)
        .toList();
  }

  @Test
  void cyberArkSampleReturnsBatchReturn() {
    String vaultId = createVault("type", "Cyber-Ark AIM", "title", "CyberArk_AIM Vault",
        "appid", "Qualys_Scanner_1522015219", "safe", "my_safe",
        "url", "http://host.domain/AIMWebService/v1.1/AIM.asmx");

    ApiReply created = server.admin().postQuery(WINDOWS + "?" + encode(
        "action", "create", "title", "My Windows Record", "username", "Qualys",
        "ips", "10.10.10.70", "login_type", "vault", "vault_id", vaultId,
        "vault_type", "CyberArk AIM", "file", "vaultfile", "folder", "abc\\folder"));
    String id = created.xpath("/BATCH_RETURN/RESPONSE/BATCH_LIST/BATCH/ID_SET/ID");
    ApiReply list = server.admin().get(WINDOWS + "?action=list&ids=" + id);

    List<String> expected = XmlElements.flatten(AuthRecordDtdTest.sample(
        "batch_return_sample.xml"));
    expected = withValues(expected, "/BATCH_RETURN/RESPONSE/DATETIME", clock.instant().toString());
    expected = withValues(expected, "/BATCH_RETURN/RESPONSE/BATCH_LIST/BATCH/ID_SET/ID", id);
    assertThat(created.status()).isEqualTo(200);
    assertThat(XmlElements.flatten(created.body())).isEqualTo(expected);
    String vault = "//AUTH_WINDOWS/DIGITAL_VAULT/";
    assertThat(list.xpath("//AUTH_WINDOWS/LOGIN_TYPE")).isEqualTo("vault");
    assertThat(list.xpath(vault + "DIGITAL_VAULT_ID")).isEqualTo(vaultId);
    assertThat(list.xpath(vault + "DIGITAL_VAULT_TYPE")).isEqualTo("CyberArk AIM");
    assertThat(list.xpath(vault + "DIGITAL_VAULT_TITLE")).isEqualTo("CyberArk_AIM Vault");
    assertThat(list.xpath(vault + "VAULT_FOLDER")).isEqualTo("abc\\folder");
    assertThat(list.xpath(vault + "VAULT_FILE")).isEqualTo("vaultfile");
    assertThat(list.text()).doesNotContain("Cyber-Ark");
  }

  @Test
  void wabSampleCreateUpdateList() {
    String vaultId = createWabVault("My WAB Vault");
    String createParams = encode("action", "create", "title", "WINDOWS_AUTH_WAB",
        "username", "administrator", "ips", "10.20.31.112", "login_type", "vault",
        "vault_id", vaultId, "vault_type", WAB, "authorization_name", "my_authorization",
        "target_name", "administrator@EMP-WIN81-X86@Windows-8");

    ApiReply created = server.as("qualys_ps").post(WINDOWS, createParams);
    String id = created.xpath("/BATCH_RETURN/RESPONSE/BATCH_LIST/BATCH/ID_SET/ID");
    ApiReply list = server.admin().post(WINDOWS, encode("action", "list", "ids", id));

    assertThat(created.xpath("//BATCH/TEXT")).isEqualTo("Successfully Created");
    String item = "/AUTH_WINDOWS_LIST_OUTPUT/RESPONSE/AUTH_WINDOWS_LIST/AUTH_WINDOWS/";
    List<String> expected = XmlElements.flatten(AuthRecordDtdTest.sample(
        "windows_list_sample.xml"));
    expected = withValues(expected, "/AUTH_WINDOWS_LIST_OUTPUT/RESPONSE/DATETIME",
        "2018-05-08T21:17:36Z");
    expected = withValues(expected, item + "ID", id);
    expected = withValues(expected, item + "DIGITAL_VAULT/DIGITAL_VAULT_ID", vaultId);
    assertThat(XmlElements.flatten(list.body())).isEqualTo(expected);
    assertThat(list.text()).contains("<TITLE><![CDATA[WINDOWS_AUTH_WAB]]></TITLE>");

    ApiReply updated = server.as("qualys_ps").post(WINDOWS, encode("action", "update",
        "ids", id, "title", "WINDOWS_AUTH_WAB2", "ips", "10.20.31.112, 10.10.10.10",
        "login_type", "vault", "vault_id", vaultId, "vault_type", WAB,
        "authorization_name", "my_authorization2",
        "target_name", "administrator@EMP-WIN81-X86@Windows-8"));
    ApiReply afterUpdate = server.admin().get(WINDOWS + "?action=list&ids=" + id);

    assertThat(updated.xpath("//BATCH/TEXT")).isEqualTo("Successfully Updated");
    assertThat(updated.xpath("//BATCH/ID_SET/ID")).isEqualTo(id);
    assertThat(afterUpdate.xpath(item + "TITLE")).isEqualTo("WINDOWS_AUTH_WAB2");
    assertThat(afterUpdate.count(item + "IP_SET/IP")).isEqualTo(2);
    assertThat(afterUpdate.xpath(item + "IP_SET/IP[1]")).isEqualTo("10.10.10.10");
    assertThat(afterUpdate.xpath(item + "IP_SET/IP[2]")).isEqualTo("10.20.31.112");
    assertThat(afterUpdate.xpath(item + "DIGITAL_VAULT/VAULT_AUTHORIZATION_NAME"))
        .isEqualTo("my_authorization2");
  }

  @Test
  void passwordNeverInAnyOutput() {
    String secret = "Windows-Secret-Pw-7731";
    ApiReply created = server.admin().post(WINDOWS, encode("action", "create",
        "title", "Basic with secret", "username", "scan", "password", secret,
        "ips", "10.60.0.1-10.60.0.5", "echo_request", "1"));
    String id = created.xpath("//BATCH/ID_SET/ID");
    ApiReply updated = server.admin().post(WINDOWS, encode("action", "update", "ids", id,
        "password", secret + "-new", "echo_request", "1"));
    ApiReply list = server.admin().post(WINDOWS, encode("action", "list", "ids", id,
        "echo_request", "1"));
    String stored = server.server().database().jdbi().withHandle(handle -> handle
        .createQuery("SELECT secrets_sealed FROM auth_record WHERE id = :id")
        .bind("id", Long.parseLong(id)).mapTo(String.class).one());

    assertThat(created.xpath("name(/BATCH_RETURN/*[1])")).isEqualTo("REQUEST");
    assertThat(created.text()).doesNotContain(secret);
    assertThat(updated.text()).doesNotContain(secret);
    assertThat(list.text()).doesNotContain(secret);
    assertThat(list.xpath("//AUTH_WINDOWS/IP_SET/IP_RANGE")).isEqualTo("10.60.0.1-10.60.0.5");
    assertThat(stored).startsWith("v1:").doesNotContain(secret);
  }

  @Test
  void overlappingIpsAreRejected() {
    String first = createWindows("title", "Overlap A", "username", "a", "password", "pw-a",
        "ips", "10.70.0.1-10.70.0.20");
    String second = createWindows("title", "Overlap B", "username", "b", "password", "pw-b",
        "ips", "10.70.1.1");

    ApiReply created = server.admin().post(WINDOWS, encode("action", "create",
        "title", "Overlap C", "username", "c", "password", "pw-c", "ips", "10.70.0.15"));
    ApiReply updated = server.admin().post(WINDOWS, encode("action", "update", "ids", second,
        "add_ips", "10.70.0.20-10.70.0.30"));
    ApiReply unix = server.admin().post("/api/2.0/fo/auth/unix/", encode("action", "create",
        "title", "Same IPs on Unix", "username", "root", "ips", "10.70.0.15"));

    assertThat(created.status()).isEqualTo(400);
    assertThat(created.code()).isEqualTo("1905");
    assertThat(created.responseText()).startsWith("parameter ips has invalid value: 10.70.0.15")
        .contains("Windows record " + first);
    assertThat(updated.code()).isEqualTo("1905");
    assertThat(updated.responseText()).contains("Windows record " + first);
    assertThat(unix.status()).as(unix.text()).isEqualTo(200);
  }

  @Test
  void invalidIpsAreRejected() {
    for (String ips : List.of("10.0.0", "10.0.0.256", "10.0.0.9-10.0.0.1", "host.example",
        "10.0.0.01", "10.0.0.1-", ",")) {
      ApiReply reply = server.admin().post(WINDOWS, encode("action", "create",
          "title", "Bad IPs", "username", "u", "password", "p", "ips", ips));

      assertThat(reply.status()).as(ips).isEqualTo(400);
      assertThat(reply.code()).as(ips).isEqualTo("1905");
      assertThat(reply.responseText()).as(ips).startsWith("parameter ips has invalid value");
    }
  }

  @Test
  void vaultIdAndPasswordAreExclusive() {
    ApiReply reply = server.admin().post(WINDOWS, encode("action", "create", "title", "Both",
        "username", "u", "password", "p", "ips", "10.80.0.1", "login_type", "vault",
        "vault_id", "1", "vault_type", WAB));

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1904");
  }

  @Test
  void vaultLoginNeedsVaultIdAndType() {
    ApiReply reply = server.admin().post(WINDOWS, encode("action", "create", "title", "NoVault",
        "username", "u", "ips", "10.80.0.2", "login_type", "vault"));

    assertThat(reply.code()).isEqualTo("1903");
    assertThat(reply.responseText())
        .isEqualTo("Missing required parameter(s): vault_id, vault_type");
  }

  @Test
  void unknownVaultIdGetsCode1905() {
    ApiReply reply = server.admin().post(WINDOWS, encode("action", "create", "title", "Ghost",
        "username", "u", "ips", "10.80.0.3", "login_type", "vault", "vault_id", "999999",
        "vault_type", WAB, "authorization_name", "a", "target_name", "u@d"));

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText())
        .isEqualTo("parameter vault_id has invalid value: 999999 (no vault has this id)");
  }

  @Test
  void vaultTypeMustMatchVault() {
    String vaultId = createWabVault("Type check vault");

    ApiReply reply = server.admin().post(WINDOWS, encode("action", "create", "title", "Wrong",
        "username", "u", "ips", "10.80.0.4", "login_type", "vault", "vault_id", vaultId,
        "vault_type", "CyberArk AIM", "folder", "f", "file", "x"));

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).startsWith("parameter vault_type has invalid value")
        .contains("is a " + WAB + " vault");
  }

  @Test
  void wabNeedsAuthorizationAndTarget() {
    String vaultId = createWabVault("Fields check vault");

    ApiReply noTarget = server.admin().post(WINDOWS, encode("action", "create",
        "title", "NoTarget", "username", "u", "ips", "10.80.0.5", "login_type", "vault",
        "vault_id", vaultId, "vault_type", WAB, "authorization_name", "auth"));
    ApiReply badVariable = server.admin().post(WINDOWS, encode("action", "create",
        "title", "BadVar", "username", "u", "ips", "10.80.0.5", "login_type", "vault",
        "vault_id", vaultId, "vault_type", WAB, "authorization_name", "auth",
        "target_name", "qualys_scan@local@${hostname}"));
    ApiReply folder = server.admin().post(WINDOWS, encode("action", "create",
        "title", "Folder", "username", "u", "ips", "10.80.0.5", "login_type", "vault",
        "vault_id", vaultId, "vault_type", WAB, "authorization_name", "auth",
        "target_name", "u@d", "folder", "f"));

    assertThat(noTarget.code()).isEqualTo("1905");
    assertThat(noTarget.responseText()).startsWith("parameter target_name has invalid value")
        .contains("required with a " + WAB + " vault");
    assertThat(badVariable.code()).isEqualTo("1905");
    assertThat(badVariable.responseText()).contains("unknown variable ${hostname}");
    assertThat(folder.code()).isEqualTo("1905");
    assertThat(folder.responseText()).startsWith("parameter folder has invalid value");
  }

  @Test
  void vaultInUseCannotBeDeleted() {
    String vaultId = createWabVault("Vault in use");
    String id = createWindows("title", "Uses vault", "username", "u", "ips", "10.90.0.1",
        "login_type", "vault", "vault_id", vaultId, "vault_type", WAB,
        "authorization_name", "auth", "target_name", "qualys_scan@local@${ip}");

    ApiReply refused = server.admin().post(VAULT, encode("action", "delete", "id", vaultId));
    ApiReply recordDeleted = server.admin().post(WINDOWS, encode("action", "delete", "ids", id));
    ApiReply vaultDeleted = server.admin().post(VAULT, encode("action", "delete", "id", vaultId));

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.code()).isEqualTo("1920");
    assertThat(refused.responseText()).contains("authentication record(s) " + id);
    assertThat(recordDeleted.xpath("//BATCH/TEXT")).isEqualTo("Successfully Deleted");
    assertThat(vaultDeleted.responseText()).isEqualTo("Success");
  }

  @Test
  void updateSampleEditsIpsAndProtocols() {
    String id = createWindows("title", "API_v2_utwrx_mp_Windows", "username", "User",
        "password", "Pass", "ips", "10.10.10.200-10.10.10.201", "kerberos", "1");

    ApiReply updated = server.admin().post(WINDOWS, encode("action", "update", "ids", id,
        "title", "API_v2_utwrx_mp_Windows_Update_1", "username", "UserUpdated",
        "password", "PassUpdated", "comments", "Updated through API v2.0", "echo_request", "1",
        "add_ips", "10.10.10.202", "remove_ips", "10.10.10.200", "ntlmv2", "0"));
    ApiReply list = server.admin().get(WINDOWS + "?action=list&ids=" + id);

    assertThat(updated.xpath("/BATCH_RETURN/RESPONSE/BATCH_LIST/BATCH/TEXT"))
        .isEqualTo("Successfully Updated");
    assertThat(updated.text()).doesNotContain("PassUpdated");
    String item = "//AUTH_WINDOWS/";
    assertThat(list.xpath(item + "USERNAME")).isEqualTo("UserUpdated");
    assertThat(list.xpath(item + "IP_SET/IP_RANGE")).isEqualTo("10.10.10.201-10.10.10.202");
    assertThat(list.count(item + "NTLM_V2")).isZero();
    assertThat(list.xpath(item + "KERBEROS")).isEqualTo("1");
    assertThat(list.xpath(item + "COMMENTS")).isEqualTo("Updated through API v2.0");
  }

  @Test
  void deleteSampleAndMissingIds() {
    String id = createWindows("title", "To delete", "username", "u", "password", "p",
        "ips", "10.91.0.1");

    ApiReply deleted = server.admin().post(WINDOWS, encode("action", "delete", "ids", id));
    ApiReply list = server.admin().get(WINDOWS + "?action=list&ids=" + id);
    ApiReply again = server.admin().post(WINDOWS, encode("action", "delete", "ids", id));

    assertThat(deleted.xpath("//BATCH/ID_SET/ID")).isEqualTo(id);
    assertThat(list.count("/AUTH_WINDOWS_LIST_OUTPUT/RESPONSE/*")).isEqualTo(1);
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.code()).isEqualTo("1905");
    assertThat(again.responseText()).isEqualTo("parameter ids has invalid value: " + id
        + " (no Windows authentication record has this id)");
  }

  @Test
  void rolesFollowVaultRules() {
    ApiReply scannerList = server.as("scanner1").get(WINDOWS + "?action=list");
    ApiReply scannerCreate = server.as("scanner1").post(WINDOWS, encode("action", "create",
        "title", "By scanner", "username", "u", "password", "p", "ips", "10.92.0.1"));
    ApiReply withoutPermission = server.as("unitmanager1").post(WINDOWS, encode("action",
        "create", "title", "By UM1", "username", "u", "password", "p", "ips", "10.92.0.2"));
    ApiReply withPermission = server.as("unitmanager2").post(WINDOWS, encode("action",
        "create", "title", "By UM2", "username", "u", "password", "p", "ips", "10.92.0.3"));

    assertThat(scannerList.status()).isEqualTo(200);
    assertThat(scannerCreate.status()).isEqualTo(403);
    assertThat(scannerCreate.code()).isEqualTo("2012");
    assertThat(withoutPermission.status()).isEqualTo(403);
    assertThat(withoutPermission.code()).isEqualTo("2012");
    assertThat(withPermission.status()).as(withPermission.text()).isEqualTo(200);
  }

  @Test
  void createNeedsPost() {
    ApiReply reply = server.admin().get(WINDOWS + "?" + encode("action", "create",
        "title", "By GET", "username", "u", "password", "p", "ips", "10.93.0.1"));

    assertThat(reply.code()).isEqualTo("1908");
  }
}
