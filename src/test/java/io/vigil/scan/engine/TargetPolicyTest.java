package io.vigil.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.net.IpRange;
import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetPolicyTest {
  @Test
  void defaultAllowsLoopbackOnly() throws Exception {
    TargetPolicy policy = TargetPolicy.loopbackOnly();

    assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("127.3.4.5"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("::1"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("198.18.0.2"))).isFalse();
    assertThat(policy.allows(IpRange.toNumber("10.0.0.1"))).isFalse();
  }

  @Test
  void listedNetworksAreAllowed() throws Exception {
    TargetPolicy policy = TargetPolicy.allowing(List.of(IpRange.parse("198.18.0.0/15")));

    assertThat(policy.allows(InetAddress.getByName("198.19.255.254"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("198.20.0.1"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
  }

  @Test
  void deniedNetworksWinOverAllowed() throws Exception {
    TargetPolicy policy = TargetPolicy.of(List.of(IpRange.parse("198.18.0.0/15")),
        List.of(IpRange.parse("198.18.0.8-198.18.0.9"), IpRange.parse("127.0.0.5")));

    assertThat(policy.allows(InetAddress.getByName("198.18.0.7"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("198.18.0.9"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("127.0.0.5"))).isFalse();
    assertThat(policy.allows(InetAddress.getByName("127.0.0.6"))).isTrue();
    assertThat(policy.allows(InetAddress.getByName("::1"))).isTrue();
    assertThat(policy.deniedRange(IpRange.toNumber("198.18.0.8")))
        .isEqualTo(IpRange.parse("198.18.0.8-198.18.0.9"));
    assertThat(policy.deniedRange(IpRange.toNumber("198.18.0.7"))).isNull();
  }

  @Test
  void engineRefusesDeniedLoopbackAddress() throws Exception {
    ScanEngine engine = new ScanEngine(ScanOptions.builder().build(), java.time.Clock.systemUTC(),
        TargetPolicy.of(List.of(), List.of(IpRange.parse("127.0.0.5"))));

    assertThatThrownBy(() -> engine.scanHost(InetAddress.getByName("127.0.0.5"), null))
        .isInstanceOf(TargetNotAllowedException.class)
        .hasMessageContaining("--scan-deny");
  }

  @Test
  void engineRefusesTargetsOutsidePolicy() throws Exception {
    ScanEngine engine =
        new ScanEngine(ScanOptions.builder().build(), java.time.Clock.systemUTC(),
            TargetPolicy.allowing(List.of(IpRange.parse("198.18.0.0/15"))));

    assertThatThrownBy(() -> engine.scanHost(InetAddress.getByName("192.0.2.1"), null))
        .isInstanceOf(TargetNotAllowedException.class)
        .hasMessageContaining("--scan-allow");
  }
}
