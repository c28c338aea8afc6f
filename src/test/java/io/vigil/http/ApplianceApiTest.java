package io.vigil.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.Version;
import io.vigil.account.Role;
import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/2.0/fo/appliance/ through a real server: the embedded scanner from the migration. */
class ApplianceApiTest {
  static final String APPLIANCE = "/api/2.0/fo/appliance/";
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
    server.addUser("reader4", Role.READER);
    server.addUser("auditor4", Role.AUDITOR);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void listShowsEmbeddedScanner() {
    ApiReply reply = server.admin().get(APPLIANCE + "?action=list");

    String appliance = "/APPLIANCE_LIST_OUTPUT/RESPONSE/APPLIANCE_LIST/APPLIANCE/";
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.count("//APPLIANCE")).isEqualTo(1);
    assertThat(reply.xpath(appliance + "ID")).isEqualTo("1");
    assertThat(reply.xpath(appliance + "NAME")).isEqualTo("vigil-embedded");
    assertThat(reply.xpath(appliance + "SOFTWARE_VERSION")).isEqualTo(Version.current());
    assertThat(reply.xpath(appliance + "RUNNING_SCAN_COUNT")).isEqualTo("0");
    assertThat(reply.xpath(appliance + "STATUS")).isEqualTo("Online");
    assertThat(reply.xpath(appliance + "TYPE")).isEqualTo("Virtual");
  }

  @Test
  void listFiltersByNameTypeAndBusy() {
    ApiReply byName = server.admin().get(APPLIANCE + "?action=list&name=vigil-embedded");
    ApiReply otherType = server.admin().get(APPLIANCE + "?action=list&type=physical");
    ApiReply busy = server.admin().get(APPLIANCE + "?action=list&busy=1");
    ApiReply full = server.admin().get(APPLIANCE + "?action=list&output_mode=full&ids=1");

    assertThat(byName.count("//APPLIANCE")).isEqualTo(1);
    assertThat(otherType.count("//APPLIANCE")).isZero();
    assertThat(busy.count("/APPLIANCE_LIST_OUTPUT/RESPONSE/*")).isEqualTo(1);
    assertThat(full.count("//APPLIANCE")).isEqualTo(1);
  }

  @Test
  void badOutputModeGetsCode1905() {
    ApiReply reply = server.admin().get(APPLIANCE + "?action=list&output_mode=verbose");

    assertThat(reply.code()).isEqualTo("1905");
  }

  @Test
  void readerListsAndAuditorCannot() {
    ApiReply reader = server.as("reader4").get(APPLIANCE + "?action=list");
    ApiReply auditor = server.as("auditor4").get(APPLIANCE + "?action=list");

    assertThat(reader.status()).isEqualTo(200);
    assertThat(auditor.code()).isEqualTo("2012");
  }
}
