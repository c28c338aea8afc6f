package io.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.authrecord.AuthRecordService;
import io.vigil.authrecord.IpRange;
import io.vigil.authrecord.RecordInput;
import io.vigil.authrecord.Technology;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The list action returns 1000 records per call and links to the next page. */
class AuthRecordPagingTest {
  static final String WINDOWS = "/api/2.0/fo/auth/windows/";
  static final int RECORDS = AuthRecordResource.LIST_LIMIT + 5;

  static TestServer server;
  static List<Long> ids = new ArrayList<>();

  /** Creates the records through the service, since 1005 API calls would slow the test. */
  @BeforeAll
  static void start() {
    server = TestServer.start();
    AuthRecordService records = server.server().authRecords();
    long subscription = server.server().accounts().defaultSubscription().id();
    for (int i = 0; i < RECORDS; i++) {
      long address = IpRange.parseAddress("ips", "10.40.0.0") + i;
      ids.add(records.create(subscription, "admin", Technology.WINDOWS, new RecordInput(
          "Paged record " + i, "scan", null, null, null, null, Map.of(), "pw-" + i,
          List.of(IpRange.single(address)), null, null, null)));
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void firstPageEndsWithWarning() {
    ApiReply first = server.admin().get(WINDOWS + "?action=list");

    String warning = "/AUTH_WINDOWS_LIST_OUTPUT/RESPONSE/WARNING/";
    assertThat(first.count("//AUTH_WINDOWS")).isEqualTo(AuthRecordResource.LIST_LIMIT);
    assertThat(first.xpath("//AUTH_WINDOWS[1]/ID")).isEqualTo(ids.get(0).toString());
    assertThat(first.xpath(warning + "CODE")).isEqualTo("1980");
    assertThat(first.xpath(warning + "TEXT"))
        .isEqualTo("1000 record limit exceeded. Use URL to get next batch of results.");
    assertThat(first.xpath(warning + "URL")).isEqualTo(TestServer.BASE_URL + WINDOWS
        + "?action=list&id_min=" + ids.get(AuthRecordResource.LIST_LIMIT));
  }

  @Test
  void warningUrlReturnsNextPage() {
    ApiReply first = server.admin().post(WINDOWS, "action=list&id_min=" + ids.get(0));
    String url = first.xpath("//WARNING/URL");

    ApiReply second = server.admin().get(url.substring(TestServer.BASE_URL.length()));

    assertThat(url).endsWith("?action=list&id_min=" + ids.get(AuthRecordResource.LIST_LIMIT));
    assertThat(second.count("//AUTH_WINDOWS")).isEqualTo(RECORDS - AuthRecordResource.LIST_LIMIT);
    assertThat(second.xpath("//AUTH_WINDOWS[1]/ID"))
        .isEqualTo(ids.get(AuthRecordResource.LIST_LIMIT).toString());
    assertThat(second.count("//WARNING")).isZero();
  }

  @Test
  void idsAndBoundsFilter() {
    String range = ids.get(10) + "-" + ids.get(19);
    ApiReply list = server.admin().get(WINDOWS + "?action=list&ids=" + ids.get(3) + "," + range
        + "&id_max=" + ids.get(14));

    assertThat(list.count("//AUTH_WINDOWS")).isEqualTo(6);
    assertThat(list.xpath("//AUTH_WINDOWS[1]/ID")).isEqualTo(ids.get(3).toString());
    assertThat(list.xpath("//AUTH_WINDOWS[6]/ID")).isEqualTo(ids.get(14).toString());
    assertThat(list.count("//WARNING")).isZero();
  }

  @Test
  void invalidIdsGetCode1905() {
    ApiReply reply = server.admin().get(WINDOWS + "?action=list&ids=abc123");

    assertThat(reply.code()).isEqualTo("1905");
    assertThat(reply.responseText()).isEqualTo(
        "parameter ids has invalid value: abc123 (neither a positive integer nor a range: abc123)");
  }

  @Test
  void deleteRangeRemovesExistingRecords() {
    AuthRecordService records = server.server().authRecords();
    long subscription = server.server().accounts().defaultSubscription().id();
    List<Long> unix = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      unix.add(records.create(subscription, "admin", Technology.UNIX, new RecordInput(
          "Unix to delete " + i, "root", null, null, null, null, Map.of(), null,
          List.of(IpRange.single(IpRange.parseAddress("ips", "10.41.0.1") + i)), null, null,
          null)));
    }
    String range = unix.get(0) + "-" + (unix.get(1) + 100);

    ApiReply deleted = server.admin().post("/api/2.0/fo/auth/unix/", "action=delete&ids=" + range);
    ApiReply again = server.admin().post("/api/2.0/fo/auth/unix/", "action=delete&ids=" + range);

    assertThat(deleted.count("//BATCH/ID_SET/ID")).isEqualTo(2);
    assertThat(deleted.xpath("//BATCH/ID_SET/ID[2]")).isEqualTo(unix.get(1).toString());
    assertThat(again.code()).isEqualTo("1905");
  }
}
