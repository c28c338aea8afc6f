package io.vigil.http;

import static io.vigil.http.Forms.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.account.Role;
import io.vigil.testing.ApiReply;
import io.vigil.testing.MutableClock;
import io.vigil.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/2.0/fo/asset/excluded_ip/ through a real server with a clock the tests move. */
class ExcludedIpApiTest {
  static final String EXCLUDED = "/api/2.0/fo/asset/excluded_ip/";
  static final MutableClock clock = MutableClock.at("2024-03-01T12:00:00Z");
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.builder().clock(clock).start();
    server.addUser("reader2", Role.READER);
    server.addUser("unitmanager2", Role.UNIT_MANAGER);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static ApiReply exclude(String ips, String... extra) {
    String[] pairs = new String[extra.length + 6];
    pairs[0] = "action";
    pairs[1] = "add";
    pairs[2] = "ips";
    pairs[3] = ips;
    pairs[4] = "comment";
    pairs[5] = "maintenance window";
    System.arraycopy(extra, 0, pairs, 6, extra.length);
    return server.admin().post(EXCLUDED, form(pairs));
  }

  static ApiReply list(String ips) {
    return server.admin().get(EXCLUDED + "?action=list&ips=" + ips);
  }

  @Test
  void addReturnsAddedIps() {
    ApiReply reply = exclude("10.20.0.1-10.20.0.3,10.20.0.4");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.responseText()).isEqualTo("Added IPs to Excluded IPs list.");
    assertThat(reply.xpath("//ITEM[KEY='Added IPs']/VALUE")).isEqualTo("10.20.0.1-10.20.0.4");
  }

  @Test
  void listShowsExpirationDate() {
    exclude("10.21.0.1-10.21.0.5", "expiry_days", "5");
    exclude("10.21.0.9");

    ApiReply reply = list("10.21.0.0-10.21.0.255");

    String set = "/IP_LIST_OUTPUT/RESPONSE/IP_SET/";
    assertThat(reply.count(set + "*")).isEqualTo(2);
    assertThat(reply.xpath(set + "IP_RANGE")).isEqualTo("10.21.0.1-10.21.0.5");
    assertThat(reply.xpath(set + "IP_RANGE/@expiration_date")).isEqualTo("2024-03-06T12:00:00Z");
    assertThat(reply.xpath(set + "IP")).isEqualTo("10.21.0.9");
    assertThat(reply.count(set + "IP/@expiration_date")).isZero();
  }

  @Test
  void expiredExclusionStopsApplying() {
    MutableClock local = MutableClock.at("2024-03-01T12:00:00Z");
    try (TestServer own = TestServer.builder().clock(local).start()) {
      own.admin().post(EXCLUDED, form("action", "add", "ips", "10.22.0.1", "comment", "c",
          "expiry_days", "1"));
      long subscription = own.server().accounts().defaultSubscription().id();
      var scope = own.server().assets().scope();

      ApiReply before = own.admin().get(EXCLUDED + "?action=list");
      int excludedBefore = scope.excludedRanges(subscription, local.instant()).size();
      local.advance(Duration.ofDays(1));
      ApiReply after = own.admin().get(EXCLUDED + "?action=list");
      int excludedAfter = scope.excludedRanges(subscription, local.instant()).size();

      assertThat(before.count("//IP_SET/*")).isEqualTo(1);
      assertThat(excludedBefore).isEqualTo(1);
      assertThat(after.count("//IP_SET")).isZero();
      assertThat(excludedAfter).isZero();
    }
  }

  @Test
  void addingAgainReplacesExpiry() {
    exclude("10.23.0.1", "expiry_days", "2");
    exclude("10.23.0.1");

    ApiReply reply = list("10.23.0.1");

    assertThat(reply.count("//IP/@expiration_date")).isZero();
  }

  @Test
  void removeReturnsRemovedIps() {
    exclude("10.24.0.1-10.24.0.10");

    ApiReply reply = server.admin().post(EXCLUDED, form("action", "remove", "ips",
        "10.24.0.5-10.24.0.20", "comment", "back in scope"));
    ApiReply listed = list("10.24.0.0-10.24.0.255");

    assertThat(reply.responseText()).isEqualTo("Removed IPs from Excluded IPs list.");
    assertThat(reply.xpath("//ITEM[KEY='Removed IPs']/VALUE")).isEqualTo("10.24.0.5-10.24.0.10");
    assertThat(listed.xpath("//IP_SET/*")).isEqualTo("10.24.0.1-10.24.0.4");
  }

  @Test
  void removeOfIpsNotExcludedHasNoItems() {
    ApiReply reply = server.admin().post(EXCLUDED, form("action", "remove", "ips",
        "192.0.2.77", "comment", "nothing"));

    assertThat(reply.code()).isEmpty();
    assertThat(reply.count("//ITEM")).isZero();
  }

  @Test
  void removeAllEmptiesList() {
    MutableClock local = MutableClock.at("2024-03-01T12:00:00Z");
    try (TestServer own = TestServer.builder().clock(local).start()) {
      own.admin().post(EXCLUDED, form("action", "add", "ips", "10.25.0.1,10.25.0.3",
          "comment", "c"));

      ApiReply reply = own.admin().post(EXCLUDED, form("action", "remove_all", "comment",
          "all back"));
      ApiReply listed = own.admin().get(EXCLUDED + "?action=list");

      assertThat(reply.responseText()).isEqualTo("Removed IPs from Excluded IPs list.");
      assertThat(reply.xpath("//ITEM/VALUE")).isEqualTo("10.25.0.1,10.25.0.3");
      assertThat(listed.count("//IP_SET")).isZero();
    }
  }

  @Test
  void removeAllRejectsIps() {
    ApiReply reply = server.admin().post(EXCLUDED, form("action", "remove_all", "comment",
        "x", "ips", "10.26.0.1"));

    assertThat(reply.code()).isEqualTo("1901");
    assertThat(reply.responseText()).isEqualTo("Unrecognized parameter(s): ips");
  }

  @Test
  void commentIsRequiredAndLimited() {
    ApiReply missing = server.admin().post(EXCLUDED, form("action", "add", "ips", "10.27.0.1"));
    ApiReply blank = exclude("10.27.0.1", "comment", " ");
    ApiReply tooLong = server.admin().post(EXCLUDED, form("action", "add", "ips", "10.27.0.1",
        "comment", "c".repeat(1025)));

    assertThat(missing.code()).isEqualTo("1903");
    assertThat(missing.responseText()).isEqualTo("Missing required parameter(s): comment");
    assertThat(blank.code()).isEqualTo("1903");
    assertThat(tooLong.code()).isEqualTo("1905");
  }

  @Test
  void badExpiryDaysGetCode1905() {
    ApiReply zero = exclude("10.28.0.1", "expiry_days", "0");
    ApiReply text = exclude("10.28.0.1", "expiry_days", "soon");
    ApiReply huge = exclude("10.28.0.1", "expiry_days", "99999999");

    assertThat(zero.code()).isEqualTo("1905");
    assertThat(text.code()).isEqualTo("1905");
    assertThat(huge.code()).isEqualTo("1905");
  }

  @Test
  void badIpGetsCode1905() {
    ApiReply reply = exclude("10.28.0.x");

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).startsWith("parameter ips has invalid value: 10.28.0.x");
  }

  @Test
  void rolesFollowAccessPolicy() {
    ApiReply readerList = server.as("reader2").get(EXCLUDED + "?action=list");
    ApiReply readerAdd = server.as("reader2").post(EXCLUDED, form("action", "add", "ips",
        "10.29.0.1", "comment", "c"));
    ApiReply unitAdd = server.as("unitmanager2").post(EXCLUDED, form("action", "add", "ips",
        "10.29.0.1", "comment", "c"));
    ApiReply unitRemoveAll = server.as("unitmanager2").post(EXCLUDED, form("action",
        "remove_all", "comment", "c"));

    assertThat(readerList.status()).isEqualTo(200);
    assertThat(readerAdd.code()).isEqualTo("2012");
    assertThat(unitAdd.code()).isEmpty();
    assertThat(unitRemoveAll.code()).isEqualTo("2012");
  }
}
