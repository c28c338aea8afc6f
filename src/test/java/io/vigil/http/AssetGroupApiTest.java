package io.vigil.http;

import static io.vigil.http.Forms.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.Role;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/2.0/fo/asset/group/ through a real server. */
class AssetGroupApiTest {
  static final String GROUP = "/api/2.0/fo/asset/group/";
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    server.addUser("reader3", Role.READER);
    server.addUser("scanner3", Role.SCANNER);
    server.addUser("unitmanager3", Role.UNIT_MANAGER);
    ApiReply added = server.admin().post(AssetIpApiTest.IP, form("action", "add", "ips",
        "10.30.0.1-10.30.0.254", "enable_vm", "1"));
    assertThat(added.code()).isEmpty();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String addGroup(String title, String ips) {
    ApiReply reply = server.admin().post(GROUP, form("action", "add", "title", title, "ips", ips,
        "comments", "created by tests"));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.xpath("//ITEM[KEY='ID']/VALUE");
  }

  static ApiReply listById(String id) {
    return server.admin().get(GROUP + "?action=list&ids=" + id);
  }

  @Test
  void addReturnsIdAndQualysText() {
    ApiReply reply = server.admin().post(GROUP, form("action", "add", "title", "Web servers",
        "ips", "10.30.0.1-10.30.0.4"));

    assertThat(reply.responseText()).isEqualTo("Asset Group Added Successfully");
    assertThat(reply.xpath("//ITEM/KEY")).isEqualTo("ID");
    assertThat(reply.xpath("//ITEM/VALUE")).matches("[0-9]+");
  }

  @Test
  void listShowsGroupAsQualysDoes() {
    String id = addGroup("Listed group", "10.30.0.10,10.30.0.12-10.30.0.14");

    ApiReply reply = listById(id);

    String group = "/ASSET_GROUP_LIST_OUTPUT/RESPONSE/ASSET_GROUP_LIST/ASSET_GROUP/";
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.xpath(group + "ID")).isEqualTo(id);
    assertThat(reply.xpath(group + "TITLE")).isEqualTo("Listed group");
    assertThat(reply.text()).contains("<TITLE><![CDATA[Listed group]]></TITLE>");
    assertThat(reply.xpath(group + "NETWORK_ID")).isEqualTo("0");
    assertThat(reply.xpath(group + "IP_SET/IP")).isEqualTo("10.30.0.10");
    assertThat(reply.xpath(group + "IP_SET/IP_RANGE")).isEqualTo("10.30.0.12-10.30.0.14");
    assertThat(reply.xpath(group + "COMMENTS")).isEqualTo("created by tests");
  }

  @Test
  void listFiltersByTitleAndIdRange() {
    String first = addGroup("Range A", "10.30.0.20");
    String second = addGroup("Range B", "10.30.0.21");

    ApiReply byTitle = server.admin().get(GROUP + "?action=list&title=Range+B");
    ApiReply byRange = server.admin().get(GROUP + "?action=list&ids=" + first + "-" + second);

    assertThat(byTitle.count("//ASSET_GROUP")).isEqualTo(1);
    assertThat(byTitle.xpath("//ASSET_GROUP/ID")).isEqualTo(second);
    assertThat(byRange.count("//ASSET_GROUP")).isEqualTo(2);
  }

  @Test
  void listOfNoMatchHasOnlyDatetime() {
    ApiReply reply = server.admin().get(GROUP + "?action=list&title=No+such+group");

    assertThat(reply.count("/ASSET_GROUP_LIST_OUTPUT/RESPONSE/*")).isEqualTo(1);
  }

  @Test
  void badIdsGetQualysText() {
    ApiReply reply = server.admin().get(GROUP + "?action=list&ids=abc123");

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText())
        .isEqualTo("parameter ids has invalid value: abc123 (neither a positive integer nor a"
            + " range: abc123)");
  }

  @Test
  void duplicateTitleIsRejected() {
    addGroup("Unique title", "10.30.0.30");

    ApiReply reply = server.admin().post(GROUP, form("action", "add", "title", "Unique title"));

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).startsWith("parameter title has invalid value: Unique title");
  }

  @Test
  void ipsOutsideSubscriptionAreRejected() {
    ApiReply reply = server.admin().post(GROUP, form("action", "add", "title", "Outside",
        "ips", "192.0.2.10"));

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).contains("192.0.2.10 (not in the subscription");
  }

  @Test
  void editAddsRemovesAndRenames() {
    String id = addGroup("Editable", "10.30.0.40-10.30.0.45");

    ApiReply reply = server.admin().post(GROUP, form("action", "edit", "id", id,
        "add_ips", "10.30.0.50", "remove_ips", "10.30.0.42", "set_title", "Edited",
        "set_comments", "new comment"));
    ApiReply listed = listById(id);

    assertThat(reply.responseText()).isEqualTo("Asset Group Updated Successfully");
    assertThat(listed.xpath("//TITLE")).isEqualTo("Edited");
    assertThat(listed.xpath("//COMMENTS")).isEqualTo("new comment");
    assertThat(listed.count("//IP_SET/*")).isEqualTo(3);
    assertThat(listed.xpath("//IP_SET/*[1]")).isEqualTo("10.30.0.40-10.30.0.41");
    assertThat(listed.xpath("//IP_SET/*[2]")).isEqualTo("10.30.0.43-10.30.0.45");
    assertThat(listed.xpath("//IP_SET/*[3]")).isEqualTo("10.30.0.50");
  }

  @Test
  void editSetIpsReplacesAndEmpties() {
    String id = addGroup("Replaced", "10.30.0.60");

    server.admin().post(GROUP, form("action", "edit", "id", id, "set_ips", "10.30.0.61"));
    ApiReply replaced = listById(id);
    server.admin().post(GROUP, form("action", "edit", "id", id, "set_ips", ""));
    ApiReply emptied = listById(id);

    assertThat(replaced.xpath("//IP_SET/*")).isEqualTo("10.30.0.61");
    assertThat(emptied.count("//IP_SET")).isZero();
  }

  @Test
  void editRejectsBadCombinations() {
    String id = addGroup("Combinations", "10.30.0.70");

    ApiReply exclusive = server.admin().post(GROUP, form("action", "edit", "id", id,
        "set_ips", "10.30.0.70", "add_ips", "10.30.0.71"));
    ApiReply nothing = server.admin().post(GROUP, form("action", "edit", "id", id));
    ApiReply unknown = server.admin().post(GROUP, form("action", "edit", "id", "999999",
        "set_title", "x"));
    addGroup("Title of another group", "10.30.0.72");
    ApiReply takenTitle = server.admin().post(GROUP, form("action", "edit", "id", id,
        "set_title", "Title of another group"));

    assertThat(exclusive.code()).isEqualTo("1904");
    assertThat(nothing.code()).isEqualTo("1922");
    assertThat(unknown.code()).isEqualTo("1905");
    assertThat(unknown.responseText())
        .isEqualTo("parameter id has invalid value: 999999 (no asset group has this id)");
    assertThat(takenTitle.code()).isEqualTo("1905");
    assertThat(takenTitle.responseText()).startsWith("parameter set_title has invalid value");
  }

  @Test
  void deleteRemovesGroup() {
    String id = addGroup("Deleted", "10.30.0.80");

    ApiReply reply = server.admin().post(GROUP, form("action", "delete", "id", id));
    ApiReply again = server.admin().post(GROUP, form("action", "delete", "id", id));

    assertThat(reply.responseText()).isEqualTo("Asset Group Deleted Successfully");
    assertThat(listById(id).count("//ASSET_GROUP")).isZero();
    assertThat(again.code()).isEqualTo("1905");
  }

  @Test
  void titleLimitsAreChecked() {
    ApiReply blank = server.admin().post(GROUP, form("action", "add", "title", "  "));
    ApiReply tooLong = server.admin().post(GROUP, form("action", "add", "title",
        "t".repeat(256)));

    assertThat(blank.code()).isEqualTo("1905");
    assertThat(tooLong.code()).isEqualTo("1905");
  }

  @Test
  void rolesFollowAccessPolicy() {
    ApiReply readerList = server.as("reader3").get(GROUP + "?action=list");
    ApiReply scannerAdd = server.as("scanner3").post(GROUP, form("action", "add", "title",
        "Scanner group"));
    ApiReply unitAdd = server.as("unitmanager3").post(GROUP, form("action", "add", "title",
        "Unit group"));

    assertThat(readerList.status()).isEqualTo(200);
    assertThat(scannerAdd.code()).isEqualTo("2012");
    assertThat(unitAdd.code()).isEmpty();
  }
}
