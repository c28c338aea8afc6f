package io.vigil.vault.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;

class TargetNamesTest {
  final HostIdentity windowsHost = HostIdentity.windows("10.20.30.40", "host.domain", "host_abc");
  final HostIdentity unixHost = HostIdentity.unix("10.20.30.40", "host.domain");

  @Test
  void ipVariable() {
    assertThat(TargetNames.resolve("${ip}", unixHost)).isEqualTo("10.20.30.40");
  }

  @Test
  void ipDashVariable() {
    assertThat(TargetNames.resolve("${ip_dash}", unixHost)).isEqualTo("10-20-30-40");
  }

  @Test
  void dnshostVariable() {
    assertThat(TargetNames.resolve("${dnshost}", unixHost)).isEqualTo("host.domain");
  }

  @Test
  void hostVariableStopsAtFirstDot() {
    HostIdentity host = HostIdentity.unix("10.0.0.1", "web01.prod.example.test");

    assertThat(TargetNames.resolve("${host}", host)).isEqualTo("web01");
    assertThat(TargetNames.resolve("${host}", unixHost)).isEqualTo("host");
  }

  @Test
  void hostVariableWithoutDomain() {
    HostIdentity host = HostIdentity.unix("10.0.0.1", "web01");

    assertThat(TargetNames.resolve("${host}", host)).isEqualTo("web01");
  }

  @Test
  void nbhostVariableIsUpperCase() {
    assertThat(TargetNames.resolve("${nbhost}", windowsHost)).isEqualTo("HOST_ABC");
  }

  @Test
  void releaseNotesIpSamples() {
    String template = "qualys_scan@local@${ip}";

    assertThat(TargetNames.resolve(template, HostIdentity.unix("10.50.60.70", null)))
        .isEqualTo("qualys_scan@local@10.50.60.70");
    assertThat(TargetNames.resolve(template, HostIdentity.unix("10.50.60.88", null)))
        .isEqualTo("qualys_scan@local@10.50.60.88");
    assertThat(TargetNames.resolve(template, HostIdentity.unix("10.30.10.12", null)))
        .isEqualTo("qualys_scan@local@10.30.10.12");
  }

  @Test
  void releaseNotesIpDashSample() {
    HostIdentity host = HostIdentity.unix("10.20.32.201", null);

    assertThat(TargetNames.resolve("qualys_scan@local@${ip_dash}", host))
        .isEqualTo("qualys_scan@local@10-20-32-201");
  }

  @Test
  void releaseNotesIpDashAndDnshostSample() {
    HostIdentity host =
        HostIdentity.windows("10.20.31.112", "win81-x86.prod.qualys.com", "WIN81-X86");

    assertThat(TargetNames.resolve("qualys_scan@local@${ip_dash}_${dnshost}", host))
        .isEqualTo("qualys_scan@local@10-20-31-112_win81-x86.prod.qualys.com");
  }

  @Test
  void releaseNotesLiteralSample() {
    assertThat(TargetNames.resolve("qualys_scan@local@CentOS6", unixHost))
        .isEqualTo("qualys_scan@local@CentOS6");
  }

  @Test
  void repeatedAndAdjacentVariables() {
    assertThat(TargetNames.resolve("${host}${ip_dash}-${host}", unixHost))
        .isEqualTo("host10-20-30-40-host");
  }

  @Test
  void dollarWithoutBraceIsLiteral() {
    assertThat(TargetNames.resolve("svc$scan@local@$ip", unixHost)).isEqualTo("svc$scan@local@$ip");
  }

  @Test
  void missingDnsNameFailsNamingVariableAndHost() {
    HostIdentity host = HostIdentity.unix("10.9.8.7", null);

    assertThatThrownBy(() -> TargetNames.resolve("scan@local@${dnshost}", host))
        .isInstanceOf(TargetNameUnresolvedException.class)
        .hasMessageContaining("${dnshost}")
        .hasMessageContaining("10.9.8.7")
        .hasMessageContaining("no DNS host name");
    assertThatThrownBy(() -> TargetNames.resolve("scan@local@${host}", host))
        .isInstanceOf(TargetNameUnresolvedException.class)
        .hasMessageContaining("${host}")
        .hasMessageContaining("10.9.8.7");
  }

  @Test
  void blankDnsNameCountsAsMissing() {
    HostIdentity host = HostIdentity.unix("10.9.8.7", " ");

    assertThatThrownBy(() -> TargetNames.resolve("${dnshost}", host))
        .isInstanceOf(TargetNameUnresolvedException.class);
  }

  @Test
  void nbhostOnUnixHostFails() {
    assertThatThrownBy(() -> TargetNames.resolve("scan@local@${nbhost}", unixHost))
        .isInstanceOf(TargetNameUnresolvedException.class)
        .hasMessageContaining("Windows hosts only")
        .hasMessageContaining("10.20.30.40");
  }

  @Test
  void nbhostWithoutNetbiosNameFails() {
    HostIdentity host = HostIdentity.windows("10.1.1.1", "a.b", null);

    TargetNameUnresolvedException e =
        (TargetNameUnresolvedException)
            catchThrowable(() -> TargetNames.resolve("${nbhost}", host));

    assertThat(e.variable()).isEqualTo("nbhost");
    assertThat(e.hostIp()).isEqualTo("10.1.1.1");
    assertThat(e.template()).isEqualTo("${nbhost}");
    assertThat(e).hasMessageContaining("no NetBIOS name");
  }

  @Test
  void unknownVariableFails() {
    assertThatThrownBy(() -> TargetNames.resolve("scan@local@${IP}", unixHost))
        .isInstanceOf(TargetNameUnresolvedException.class)
        .hasMessageContaining("unknown variable ${IP}");
  }

  @Test
  void unclosedVariableFails() {
    assertThatThrownBy(() -> TargetNames.resolve("scan@local@${ip", unixHost))
        .isInstanceOf(TargetNameUnresolvedException.class)
        .hasMessageContaining("not closed");
  }

  @Test
  void wabRequestForHostResolvesTemplate() {
    WabRequest request = WabRequest.forHost("scan-auth", "qualys_scan@local@${ip}", unixHost);

    assertThat(request.targetName()).isEqualTo("qualys_scan@local@10.20.30.40");
    assertThat(request.authorizationName()).isEqualTo("scan-auth");
  }
}
