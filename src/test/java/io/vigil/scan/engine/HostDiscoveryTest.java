package io.vigil.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.scan.HostScanResult;
import io.vigil.scan.NotScannedReason;
import io.vigil.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Host discovery, dead hosts and the loopback-only target rule. */
class HostDiscoveryTest {
  final InetAddress loopback = InetAddress.getLoopbackAddress();
  final MutableClock clock = MutableClock.at("2024-05-07T10:04:00Z");

  static ScanOptions.Builder options() {
    return ScanOptions.builder()
        .icmpEcho(false)
        .connectTimeout(Duration.ofMillis(500))
        .readTimeout(Duration.ofMillis(500));
  }

  @Test
  void refusedConnectionMeansAlive() throws IOException {
    int closed = LoopbackService.closedPort();
    ScanOptions options = options()
        .discoveryPorts(PortList.of(closed))
        .tcpPorts(PortList.of(closed))
        .build();

    HostScanResult result = new ScanEngine(options, clock).scanHost(loopback, ScanListener.NONE);

    assertThat(result.discovery().alive()).isTrue();
    assertThat(result.discovery().evidence())
        .isEqualTo("TCP port " + closed + " refused the connection");
    // Alive, but with its only port closed there is nothing to check.
    assertThat(result.notScanned()).isEqualTo(NotScannedReason.NOT_VULNERABLE);
    assertThat(result.evidence()).isEqualTo("alive (TCP port " + closed + " refused the"
        + " connection), but the option profile's one TCP port is not open: it refused the"
        + " connection");
    assertThat(result.services()).isEmpty();
  }

  @Test
  void hostWithoutRepliesIsDead() throws IOException {
    ScanOptions options = options()
        .discoveryPorts(PortList.of())
        .tcpPorts(PortList.of(LoopbackService.closedPort()))
        .build();

    HostScanResult result = new ScanEngine(options, clock).scanHost(loopback, ScanListener.NONE);

    assertThat(result.discovery().alive()).isFalse();
    assertThat(result.discovery().evidence())
        .isEqualTo("no TCP discovery ports configured. ICMP echo is off.");
    assertThat(result.notScanned()).isEqualTo(NotScannedReason.DEAD);
    assertThat(result.portsScanned()).isZero();
    assertThat(result.findings()).isEmpty();
  }

  @Test
  void scanDeadHostsFindsOpenPort() throws IOException {
    try (LoopbackService ssh = LoopbackService.greeting("SSH-2.0-test\r\n")) {
      ScanOptions options = options()
          .discoveryPorts(PortList.of())
          .tcpPorts(PortList.of(ssh.port()))
          .scanDeadHosts(true)
          .build();

      HostScanResult result = new ScanEngine(options, clock).scanHost(loopback, ScanListener.NONE);

      assertThat(result.scanned()).isTrue();
      assertThat(result.discovery().alive()).isTrue();
      assertThat(result.discovery().evidence())
          .startsWith("TCP port " + ssh.port() + " accepted a connection in the port scan");
      assertThat(result.openPorts()).containsExactly(ssh.port());
    }
  }

  @Test
  void timedOutConnectDoesNotMeanAlive() throws IOException {
    try (FullBacklog full = FullBacklog.open()) {
      assumeTrue(full.dropsConnects(), "this kernel does not drop SYNs to a full backlog");
      ScanOptions options = options()
          .discoveryPorts(PortList.of(full.port()))
          .tcpPorts(PortList.of(full.port()))
          .connectTimeout(Duration.ofMillis(300))
          .build();

      HostScanResult result = new ScanEngine(options, clock).scanHost(loopback, ScanListener.NONE);

      assertThat(result.discovery().alive()).isFalse();
      assertThat(result.discovery().evidence())
          .isEqualTo(
              "no reply from TCP ports " + full.port() + " within 300 ms. ICMP echo is off.");
      assertThat(result.notScanned()).isEqualTo(NotScannedReason.DEAD);
    }
  }

  @Test
  void isReachableCountsWhenTcpFindsNothing() {
    ScanOptions options = options()
        .discoveryPorts(PortList.of())
        .tcpPorts(PortList.of())
        .icmpEcho(true)
        .connectTimeout(Duration.ofSeconds(2))
        .build();

    HostScanResult result = new ScanEngine(options, clock).scanHost(loopback, ScanListener.NONE);

    assertThat(result.discovery().alive()).isTrue();
    assertThat(result.discovery().evidence()).startsWith("InetAddress.isReachable got a reply");
  }

  @Test
  void nonLoopbackTargetIsRejected() throws IOException {
    // 192.0.2.1 is in TEST-NET-1, reserved for documentation; the guard rejects it unsent.
    InetAddress documentation = InetAddress.getByAddress(new byte[] {(byte) 192, 0, 2, 1});
    ScanEngine engine = new ScanEngine(options().build(), clock);
    List<String> events = new ArrayList<>();

    assertThatThrownBy(() -> engine.scanHost(documentation, new RecordingListener(events)))
        .isInstanceOf(TargetNotAllowedException.class)
        .hasMessage("target 192.0.2.1 is not allowed: Vigil scans only loopback and the networks"
            + " listed in --scan-allow, except those in --scan-deny");
    assertThatThrownBy(() -> engine.scanHosts(List.of(loopback, documentation), ScanListener.NONE))
        .isInstanceOf(TargetNotAllowedException.class);
    assertThat(events).isEmpty();
  }

  /**
   * A listening socket whose accept queue is full. Linux then drops new SYNs instead of
   * refusing them, which is how a filtered port looks on loopback.
   */
  static final class FullBacklog implements AutoCloseable {
    private final ServerSocket server;
    private final List<Socket> fillers = new ArrayList<>();
    private boolean dropsConnects;

    private FullBacklog(ServerSocket server) {
      this.server = server;
    }

    static FullBacklog open() throws IOException {
      FullBacklog full = new FullBacklog(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
      for (int i = 0; i < 8 && !full.dropsConnects; i++) {
        Socket filler = new Socket();
        try {
          filler.connect(new InetSocketAddress(full.server.getInetAddress(), full.port()), 300);
          full.fillers.add(filler);
        } catch (SocketTimeoutException e) {
          filler.close();
          full.dropsConnects = true;
        }
      }
      return full;
    }

    int port() {
      return server.getLocalPort();
    }

    boolean dropsConnects() {
      return dropsConnects;
    }

    @Override
    public void close() throws IOException {
      for (Socket filler : fillers) {
        filler.close();
      }
      server.close();
    }
  }
}
