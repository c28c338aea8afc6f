package io.vigil.http;

import static io.vigil.http.ScanTargetFixture.PROFILES;
import static io.vigil.http.ScanTargetFixture.form;
import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.ApiReply;
import io.vigil.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** /api/2.0/fo/subscription/option_profile/vm/ through a real server. */
class OptionProfileApiTest {
  static TestServer server;

  @BeforeAll
  static void start() {
    server = TestServer.start();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void listShowsInitialOptionsAsDefault() {
    ApiReply reply = server.admin().get(PROFILES + "?action=list&title=Initial%20Options");

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.xpath("//BASIC_INFO/GROUP_NAME")).isEqualTo("Initial Options");
    assertThat(reply.xpath("//BASIC_INFO/IS_DEFAULT")).isEqualTo("1");
    assertThat(reply.xpath("//BASIC_INFO/GROUP_TYPE")).isEqualTo("system");
    assertThat(reply.xpath("//SCAN/PORTS/TCP_PORTS/TCP_PORTS_TYPE")).isEqualTo("standard");
    assertThat(reply.xpath("//SCAN/SCAN_DEAD_HOSTS")).isEqualTo("0");
    assertThat(reply.xpath("//PERFORMANCE/HOSTS_TO_SCAN/SCANNER_APPLIANCES")).isEqualTo("8");
    assertThat(reply.xpath("//PERFORMANCE/PROCESSES_TO_RUN/TOTAL_PROCESSES")).isEqualTo("64");
    assertThat(reply.xpath("//HOST_DISCOVERY/TCP_PORTS/STANDARD_SCAN")).isEqualTo("1");
  }

  @Test
  void createStoresEveryField() {
    ApiReply created = server.admin().post(PROFILES, form("action", "create",
        "title", "Custom web", "tcp_ports_type", "custom", "tcp_ports", "80,443,8000-8100",
        "discovery_tcp_ports", "80", "discovery_icmp", "0", "scan_dead_hosts", "1",
        "hosts_in_parallel", "2", "probes_in_parallel", "16", "connect_timeout_ms", "700",
        "read_timeout_ms", "900", "max_host_minutes", "5"));
    String id = created.xpath("//ITEM[KEY='ID']/VALUE");

    ApiReply reply = server.admin().get(PROFILES + "?action=list&id=" + id);

    assertThat(created.responseText()).isEqualTo("Option profile created");
    assertThat(reply.xpath("//BASIC_INFO/GROUP_NAME")).isEqualTo("Custom web");
    assertThat(reply.xpath("//BASIC_INFO/IS_DEFAULT")).isEqualTo("0");
    assertThat(reply.xpath("//BASIC_INFO/USER_ID")).isEqualTo("admin");
    assertThat(reply.xpath("//SCAN/PORTS/TCP_PORTS/TCP_PORTS_TYPE")).isEqualTo("custom");
    assertThat(reply.xpath("//SCAN/PORTS/TCP_PORTS/TCP_PORTS_CUSTOM"))
        .isEqualTo("80,443,8000-8100");
    assertThat(reply.xpath("//SCAN/SCAN_DEAD_HOSTS")).isEqualTo("1");
    assertThat(reply.xpath("//PERFORMANCE/HOSTS_TO_SCAN/SCANNER_APPLIANCES")).isEqualTo("2");
    assertThat(reply.xpath("//PERFORMANCE/PROCESSES_TO_RUN/TOTAL_PROCESSES")).isEqualTo("16");
    assertThat(reply.xpath("//TIMEOUTS/CONNECT_TIMEOUT_MS")).isEqualTo("700");
    assertThat(reply.xpath("//TIMEOUTS/READ_TIMEOUT_MS")).isEqualTo("900");
    assertThat(reply.xpath("//TIMEOUTS/MAX_HOST_MINUTES")).isEqualTo("5");
    assertThat(reply.xpath("//HOST_DISCOVERY/TCP_PORTS/STANDARD_SCAN")).isEqualTo("0");
    assertThat(reply.xpath("//HOST_DISCOVERY/TCP_PORTS/CUSTOM_PORT")).isEqualTo("80");
    assertThat(reply.xpath("//HOST_DISCOVERY/ICMP")).isEqualTo("0");
  }

  @Test
  void authenticationTypesAreStored() {
    ApiReply created = server.admin().post(PROFILES, form("action", "create",
        "title", "With logins", "authentication", "unix, Windows,Unix"));
    String id = created.xpath("//ITEM[KEY='ID']/VALUE");
    ApiReply invalid = server.admin().post(PROFILES, form("action", "create",
        "title", "Bad logins", "authentication", "Windows,Kerberos"));

    ApiReply reply = server.admin().get(PROFILES + "?action=list&id=" + id);
    ApiReply initial = server.admin().get(PROFILES + "?action=list&title=Initial%20Options");

    assertThat(reply.xpath("//SCAN/AUTHENTICATION")).isEqualTo("Unix,Windows");
    assertThat(initial.xpath("//SCAN/AUTHENTICATION")).isEmpty();
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.code()).isEqualTo("1905");
    assertThat(invalid.responseText()).startsWith("parameter authentication has invalid value");
  }

  @Test
  void createRejectsInvalidValues() {
    assertThat(createError("title", "Initial Options")).contains("exists");
    assertThat(createError("title", "a", "tcp_ports_type", "light")).contains("tcp_ports_type");
    assertThat(createError("title", "b", "tcp_ports_type", "custom")).contains("tcp_ports");
    assertThat(createError("title", "c", "tcp_ports", "22")).contains("custom");
    assertThat(createError("title", "d", "tcp_ports_type", "custom", "tcp_ports", "70000"))
        .contains("tcp_ports");
    assertThat(createError("title", "e", "hosts_in_parallel", "0"))
        .contains("hosts_in_parallel");
    assertThat(createError("title", "f", "hosts_in_parallel", "256", "probes_in_parallel",
        "1000")).contains("probes_in_parallel");
    assertThat(createError("title", "g", "read_timeout_ms", "0"))
        .isEqualTo("parameter read_timeout_ms has invalid value: 0 (must be 1 to 600000)");
    assertThat(createError("title", "h", "read_timeout_ms", "999999999"))
        .isEqualTo("parameter read_timeout_ms has invalid value: 999999999 (must be 1 to"
            + " 600000)");
    assertThat(createError("title", "i", "max_host_minutes", "0"))
        .isEqualTo("parameter max_host_minutes has invalid value: 0 (must be 1 to 1440)");
    assertThat(createError("title", "j", "connect_timeout_ms", "600001"))
        .contains("connect_timeout_ms");
  }

  private static String createError(String... pairs) {
    String[] all = new String[pairs.length + 2];
    all[0] = "action";
    all[1] = "create";
    System.arraycopy(pairs, 0, all, 2, pairs.length);
    ApiReply reply = server.admin().post(PROFILES, form(all));
    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("1905");
    return reply.responseText();
  }
}
