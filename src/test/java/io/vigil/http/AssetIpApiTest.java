package io.vigil.http;

import static io.vigil.http.Forms.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.Role;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/2.0/fo/asset/ip/ through a real server. Addresses are stored data, never contacted. */
class AssetIpApiTest {
  static final String IP = "/api/2.0/fo/asset/ip/";
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    server.addUser("scanner1", Role.SCANNER);
    server.addUser("reader1", Role.READER);
    server.addUser("unitmanager1", Role.UNIT_MANAGER);
    server.addUser("auditor1", Role.AUDITOR);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ApiReply add(String ips, String... extra) {
    String[] pairs = new String[extra.length + 4];
    pairs[0] = "action";
    pairs[1] = "add";
    pairs[2] = "ips";
    pairs[3] = ips;
    System.arraycopy(extra, 0, pairs, 4, extra.length);
    return server.admin().post(IP, form(pairs));
  }

  static ApiReply list(String query) {
    return server.admin().get(IP + "?action=list" + query);
  }

  @Test
  void addReturnsQualysText() {
    ApiReply reply = add("10.1.0.1-10.1.0.5", "enable_vm", "1");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.code()).isEmpty();
    assertThat(reply.responseText())
        .isEqualTo("IPs successfully added to Vulnerability Management");
  }

  @Test
  void addToComplianceOnlyNamesPolicyCompliance() {
    ApiReply reply = add("10.1.1.1", "enable_pc", "1");

    assertThat(reply.responseText()).isEqualTo("IPs successfully added to Policy Compliance");
  }

  @Test
  void addWithoutModuleGetsCode1922() {
    ApiReply none = add("10.1.2.1");
    ApiReply zeros = add("10.1.2.1", "enable_vm", "0", "enable_pc", "0");

    assertThat(none.status()).isEqualTo(400);
    assertThat(none.code()).isEqualTo("1922");
    assertThat(none.responseText())
        .isEqualTo("Please specify at least one of the following parameters: enable_vm, enable_pc");
    assertThat(zeros.code()).isEqualTo("1922");
  }

  @Test
  void listMergesRangesAsQualysPrintsThem() {
    add("10.2.0.1-10.2.0.3", "enable_vm", "1");
    add("10.2.0.4,10.2.0.9", "enable_vm", "1", "tracking_method", "DNS");
    add("10.2.0.6", "enable_pc", "1");

    ApiReply reply = list("&ips=10.2.0.0-10.2.0.255");

    String set = "/IP_LIST_OUTPUT/RESPONSE/IP_SET/";
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.count(set + "*")).isEqualTo(3);
    assertThat(reply.xpath("name(" + set + "*[1])")).isEqualTo("IP_RANGE");
    assertThat(reply.xpath(set + "*[1]")).isEqualTo("10.2.0.1-10.2.0.4");
    assertThat(reply.xpath("name(" + set + "*[2])")).isEqualTo("IP");
    assertThat(reply.xpath(set + "*[2]")).isEqualTo("10.2.0.6");
    assertThat(reply.xpath(set + "*[3]")).isEqualTo("10.2.0.9");
  }

  @Test
  void listFiltersByTrackingMethodAndModule() {
    add("10.3.0.1", "enable_vm", "1", "tracking_method", "NETBIOS");
    add("10.3.0.2", "enable_pc", "1");

    ApiReply netbios = list("&ips=10.3.0.0-10.3.0.9&tracking_method=NETBIOS");
    ApiReply compliance = list("&ips=10.3.0.0-10.3.0.9&compliance_enabled=1");
    ApiReply vm = list("&ips=10.3.0.0-10.3.0.9&compliance_enabled=0");

    assertThat(netbios.xpath("//IP_SET/*")).isEqualTo("10.3.0.1");
    assertThat(compliance.xpath("//IP_SET/*")).isEqualTo("10.3.0.2");
    assertThat(vm.xpath("//IP_SET/*")).isEqualTo("10.3.0.1");
  }

  @Test
  void listOfNothingHasOnlyDatetime() {
    ApiReply reply = list("&ips=192.0.2.200");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.count("/IP_LIST_OUTPUT/RESPONSE/*")).isEqualTo(1);
    assertThat(reply.count("//IP_SET")).isZero();
  }

  @Test
  void listEchoesRequest() {
    ApiReply reply = list("&echo_request=1&ips=192.0.2.1");

    assertThat(reply.xpath("name(/IP_LIST_OUTPUT/*[1])")).isEqualTo("REQUEST");
  }

  @Test
  void badIpGetsCode1905() {
    ApiReply reply = add("10.0.0.300", "enable_vm", "1");

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText())
        .isEqualTo("parameter ips has invalid value: 10.0.0.300 (octet 300 is over 255)");
  }

  @Test
  void reversedRangeAndIpv6GetCode1905() {
    ApiReply reversed = add("10.0.0.9-10.0.0.1", "enable_vm", "1");
    ApiReply ipv6 = list("&ips=2001:db8::1");

    assertThat(reversed.code()).isEqualTo("1905");
    assertThat(reversed.responseText()).contains("the range starts after it ends");
    assertThat(ipv6.code()).isEqualTo("1905");
    assertThat(ipv6.responseText()).contains("not an IPv4 address");
  }

  @Test
  void userFieldsLongerThan128AreRejected() {
    ApiReply reply = add("10.4.0.1", "enable_vm", "1", "ud1", "x".repeat(129));

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).startsWith("parameter ud1 has invalid value");
  }

  @Test
  void unknownOwnerIsRejected() {
    ApiReply unknown = add("10.4.0.2", "enable_vm", "1", "owner", "nobody");
    ApiReply known = add("10.4.0.2", "enable_vm", "1", "owner", "scanner1");

    assertThat(unknown.code()).isEqualTo("1905");
    assertThat(unknown.responseText()).contains("no user of this subscription has this login");
    assertThat(known.code()).isEmpty();
  }

  @Test
  void unknownTrackingMethodIsRejected() {
    ApiReply reply = add("10.4.0.3", "enable_vm", "1", "tracking_method", "EC2");

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).contains("use one of: IP, DNS, NETBIOS");
  }

  @Test
  void otherNetworkIsRejected() {
    ApiReply reply = add("10.4.0.4", "enable_vm", "1", "network_id", "7");
    ApiReply defaultNetwork = add("10.4.0.4", "enable_vm", "1", "network_id", "0");

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(defaultNetwork.code()).isEmpty();
  }

  @Test
  void addIsPostOnly() {
    ApiReply reply = server.admin().get(IP + "?action=add&ips=10.4.0.5&enable_vm=1");

    assertThat(reply.code()).isEqualTo("1908");
  }

  @Test
  void updateChangesTrackingOfPartOfRange() {
    add("10.5.0.1-10.5.0.10", "enable_vm", "1");

    ApiReply reply =
        server.admin().post(IP, form("action", "update", "ips", "10.5.0.3-10.5.0.4",
            "tracking_method", "DNS", "comment", "web tier"));
    ApiReply dns = list("&ips=10.5.0.0-10.5.0.255&tracking_method=DNS");
    ApiReply ip = list("&ips=10.5.0.0-10.5.0.255&tracking_method=IP");

    assertThat(reply.responseText()).isEqualTo("IPs successfully updated");
    assertThat(dns.xpath("//IP_SET/*")).isEqualTo("10.5.0.3-10.5.0.4");
    assertThat(ip.count("//IP_SET/*")).isEqualTo(2);
  }

  @Test
  void updateNewPrefixSelectsByTracking() {
    add("10.6.0.1", "enable_vm", "1", "tracking_method", "DNS");
    add("10.6.0.2", "enable_vm", "1");

    server.admin().post(IP, form("action", "update", "ips", "10.6.0.1-10.6.0.2",
        "tracking_method", "DNS", "new_tracking_method", "NETBIOS", "new_owner", "reader1"));
    ApiReply netbios = list("&ips=10.6.0.0-10.6.0.9&tracking_method=NETBIOS");

    assertThat(netbios.xpath("//IP_SET/*")).isEqualTo("10.6.0.1");
  }

  @Test
  void updateOfIpsOutsideSubscriptionGetsCode1905() {
    add("10.7.0.1", "enable_vm", "1");

    ApiReply reply = server.admin().post(IP, form("action", "update", "ips",
        "10.7.0.1-10.7.0.3", "comment", "x"));

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).startsWith(
        "parameter ips has invalid value: 10.7.0.2-10.7.0.3 (not in the subscription");
  }

  @Test
  void updateWithoutSetterGetsCode1922() {
    add("10.7.1.1", "enable_vm", "1");

    ApiReply reply = server.admin().post(IP, form("action", "update", "ips", "10.7.1.1"));

    assertThat(reply.code()).isEqualTo("1922");
  }

  @Test
  void updateWithBothSpellingsGetsCode1904() {
    ApiReply reply = server.admin().post(IP, form("action", "update", "ips", "10.7.1.1",
        "owner", "admin", "new_owner", "admin"));

    assertThat(reply.code()).isEqualTo("1904");
  }

  @Test
  void unsupportedParameterGetsCode1901() {
    ApiReply reply = add("10.7.2.1", "enable_vm", "1", "enable_certview", "1");

    assertThat(reply.code()).isEqualTo("1901");
  }

  @Test
  void readersAndScannersListOnly() {
    for (String login : new String[] {"reader1", "scanner1"}) {
      ApiReply listed = server.as(login).get(IP + "?action=list");
      ApiReply added = server.as(login).post(IP, form("action", "add", "ips", "10.8.0.1",
          "enable_vm", "1"));

      assertThat(listed.status()).as(login).isEqualTo(200);
      assertThat(added.status()).as(login).isEqualTo(403);
      assertThat(added.code()).as(login).isEqualTo("2012");
    }
  }

  @Test
  void unitManagerAddsAndUpdates() {
    ApiReply added = server.as("unitmanager1").post(IP, form("action", "add", "ips", "10.8.1.1",
        "enable_vm", "1"));
    ApiReply updated = server.as("unitmanager1").post(IP, form("action", "update", "ips",
        "10.8.1.1", "ud2", "rack 4"));

    assertThat(added.code()).isEmpty();
    assertThat(updated.code()).isEmpty();
  }

  @Test
  void auditorCannotList() {
    ApiReply reply = server.as("auditor1").get(IP + "?action=list");

    assertThat(reply.status()).isEqualTo(403);
  }
}
