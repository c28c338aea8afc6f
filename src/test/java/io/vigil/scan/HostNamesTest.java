package io.vigil.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.asset.TrackingMethod;
import io.vigil.config.InvalidSettingsException;
import io.vigil.net.IpRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostNamesTest {
  static final long WEB = IpRange.toNumber("127.0.0.11");
  static final long WINDOWS = IpRange.toNumber("127.0.0.12");

  static final List<String> ETC_HOSTS = List.of(
      "127.0.0.1 localhost",
      "::1 localhost ip6-localhost ip6-loopback",
      "ff02::1 ip6-allnodes",
      "127.0.0.11 Web1.Test.Local web1  # the web server",
      "127.0.0.12 win7.test.local netbios=Win7-Lab");

  @Test
  void etcHostsCopySkipsIpv6Lines() {
    HostNames names = HostNames.parse(ETC_HOSTS, "hosts");

    assertThat(names.addresses("localhost")).containsExactly(IpRange.toNumber("127.0.0.1"));
    assertThat(names.addresses("ip6-localhost")).isEmpty();
    assertThat(names.dnsName(WEB)).contains("web1.test.local");
  }

  @Test
  void namesIgnoreCaseAndTrailingDot() {
    HostNames names = HostNames.parse(ETC_HOSTS, "hosts");

    assertThat(names.addresses("WEB1.test.local.")).containsExactly(WEB);
    assertThat(names.addresses("web1")).containsExactly(WEB);
  }

  @Test
  void listedNameFollowsTracking() {
    HostNames names = HostNames.parse(ETC_HOSTS, "hosts");

    assertThat(names.listedName(WEB, TrackingMethod.IP)).isEmpty();
    assertThat(names.listedName(WEB, TrackingMethod.DNS)).contains("web1.test.local");
    assertThat(names.listedName(WEB, TrackingMethod.NETBIOS)).contains("web1");
    assertThat(names.listedName(WINDOWS, TrackingMethod.NETBIOS)).contains("Win7-Lab");
    assertThat(names.listedName(IpRange.toNumber("127.0.0.99"), TrackingMethod.DNS)).isEmpty();
  }

  @Test
  void invalidAddressNamesFileAndLine() {
    List<String> lines = List.of("# lab", "127.0.0.300 bad.test");

    assertThatThrownBy(() -> HostNames.parse(lines, "/data/hosts"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessageStartingWith("Invalid host names file /data/hosts, line 2: ")
        .hasMessageEndingWith(". Fix or remove the line.");
  }
}
