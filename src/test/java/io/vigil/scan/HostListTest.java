package io.vigil.scan;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.net.IpRange;
import io.vigil.scan.ScanSummarySink.HostEvidence;
import org.junit.jupiter.api.Test;

class HostListTest {
  static long ip(String dotted) {
    return IpRange.toNumber(dotted);
  }

  @Test
  void addressesMergeIntoRangesThenNames() {
    HostList hosts = new HostList("IP");
    hosts.add(ip("10.0.0.2"), null, "two");
    hosts.add(ip("10.0.0.3"), "alias.test", "three");
    hosts.add(ip("10.0.0.5"), null, "five");
    hosts.add(null, "lost.test", "lost");

    assertThat(hosts.text()).isEqualTo("10.0.0.2-10.0.0.3, 10.0.0.5, lost.test");
    assertThat(hosts.evidence()).containsExactly(
        new HostEvidence("10.0.0.2", "two"),
        new HostEvidence("10.0.0.3", "three"),
        new HostEvidence("10.0.0.5", "five"),
        new HostEvidence("lost.test", "lost"));
  }

  @Test
  void dnsEvidenceFollowsListOrder() {
    // Rows arrive by address, but the list sorts names and puts unnamed hosts last.
    HostList hosts = new HostList("DNS");
    hosts.add(ip("10.0.0.3"), null, "unnamed");
    hosts.add(ip("10.0.0.4"), "b.test", "b");
    hosts.add(null, "a.test", "a");

    assertThat(hosts.text()).isEqualTo("a.test b.test 10.0.0.3");
    assertThat(hosts.evidence()).extracting(HostEvidence::host)
        .containsExactly("a.test", "b.test", "10.0.0.3");
  }

  @Test
  void netbiosNamesJoinWithCommaSpace() {
    HostList hosts = new HostList("NETBIOS");
    hosts.add(ip("10.0.0.8"), "gfi-31-4");
    hosts.add(ip("10.0.0.7"), "gfi-31-3");

    assertThat(hosts.text()).isEqualTo("gfi-31-3, gfi-31-4");
    assertThat(hosts.evidence()).isEmpty();
  }

  @Test
  void repeatedHostGetsOneEvidenceEntry() {
    // Two duplicate names resolve to one address, which the list writes once.
    HostList hosts = new HostList("IP");
    hosts.add(ip("10.0.0.20"), "web20", "web20 resolves to 10.0.0.20");
    hosts.add(ip("10.0.0.20"), "web20.lab.test", "web20.lab.test resolves to 10.0.0.20");

    assertThat(hosts.text()).isEqualTo("10.0.0.20");
    assertThat(hosts.evidence()).containsExactly(new HostEvidence("10.0.0.20",
        "web20 resolves to 10.0.0.20; web20.lab.test resolves to 10.0.0.20"));
  }
}
