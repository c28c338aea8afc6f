package io.vigil.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.scan.Discovery;
import io.vigil.scan.HostScanResult;
import io.vigil.scan.NotScannedReason;
import io.vigil.scan.OpenService;
import io.vigil.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Host scans that end early: time limit, interrupt, a failing listener, several hosts. */
class AbortTest {
  final InetAddress loopback = InetAddress.getLoopbackAddress();
  final MutableClock clock = MutableClock.at("2024-05-07T10:04:00Z");

  ScanOptions options(int port) {
    return ScanOptions.builder()
        .tcpPorts(PortList.of(port))
        .discoveryPorts(PortList.of(port))
        .icmpEcho(false)
        .connectTimeout(Duration.ofSeconds(2))
        .readTimeout(Duration.ofMillis(500))
        .maxHostDuration(Duration.ofMinutes(10))
        .build();
  }

  @Test
  void hostScanPastItsTimeLimitIsAborted() throws IOException {
    try (LoopbackService ssh = LoopbackService.greeting("SSH-2.0-test\r\n")) {
      ScanListener moveClock = new ScanListener() {
        @Override
        public void portsScanned(InetAddress address, List<Integer> openPorts) {
          clock.advance(Duration.ofMinutes(11));
        }
      };

      ScanEngine engine = new ScanEngine(options(ssh.port()), clock);

      HostScanResult result = engine.scanHost(loopback, moveClock);

      assertThat(result.notScanned()).isEqualTo(NotScannedReason.ABORTED);
      assertThat(result.evidence())
          .isEqualTo(
              "the host scan took longer than the option profile's limit of 10 min per host");
      assertThat(result.discovery().alive()).isTrue();
      assertThat(result.findings()).isEmpty();
      assertThat(result.finishedAt()).isEqualTo(clock.instant());
    }
  }

  @Test
  void interruptAbortsAndKeepsFlag() throws Exception {
    try (LoopbackService ssh = LoopbackService.greeting("SSH-2.0-test\r\n")) {
      ScanListener interrupt = new ScanListener() {
        @Override
        public void hostDiscovered(InetAddress address, Discovery discovery) {
          Thread.currentThread().interrupt();
        }
      };
      AtomicReference<HostScanResult> result = new AtomicReference<>();
      AtomicBoolean flagKept = new AtomicBoolean();
      ScanEngine engine = new ScanEngine(options(ssh.port()), clock);

      Thread scan = new Thread(() -> {
        result.set(engine.scanHost(loopback, interrupt));
        flagKept.set(Thread.currentThread().isInterrupted());
      });
      scan.start();
      scan.join(60_000);

      assertThat(result.get().notScanned()).isEqualTo(NotScannedReason.ABORTED);
      assertThat(result.get().evidence()).isEqualTo("the scan thread was interrupted");
      assertThat(flagKept).isTrue();
    }
  }

  @Test
  void interruptEndsBlockedServiceRead() throws Exception {
    // Discovery and the port scan connect and leave. The third connection is service
    // detection, which then waits in a read for a greeting that never comes.
    CountDownLatch detectionConnected = new CountDownLatch(3);
    CountDownLatch detectionClosed = new CountDownLatch(3);
    try (LoopbackService silent = LoopbackService.start(socket -> {
      detectionConnected.countDown();
      LoopbackService.drain(socket.getInputStream());
      detectionClosed.countDown();
    })) {
      ScanOptions slowReads = ScanOptions.builder()
          .tcpPorts(PortList.of(silent.port()))
          .discoveryPorts(PortList.of(silent.port()))
          .icmpEcho(false)
          .connectTimeout(Duration.ofSeconds(2))
          .readTimeout(Duration.ofMinutes(5))
          .maxHostDuration(Duration.ofMinutes(10))
          .build();
      ScanEngine engine = new ScanEngine(slowReads, clock);
      AtomicReference<HostScanResult> result = new AtomicReference<>();
      Thread scan = new Thread(() -> result.set(engine.scanHost(loopback, ScanListener.NONE)));
      scan.start();
      assertThat(detectionConnected.await(60, TimeUnit.SECONDS)).isTrue();

      scan.interrupt();
      scan.join(60_000);

      // Far less than the 5 minute read timeout: the interrupt closed the probe's socket.
      assertThat(scan.isAlive()).isFalse();
      assertThat(result.get().notScanned()).isEqualTo(NotScannedReason.ABORTED);
      assertThat(detectionClosed.await(60, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void hostLimitEndsLongRead() throws Exception {
    try (LoopbackService silent = LoopbackService.silent()) {
      ScanOptions slowReads = ScanOptions.builder()
          .tcpPorts(PortList.of(silent.port()))
          .discoveryPorts(PortList.of(silent.port()))
          .icmpEcho(false)
          .connectTimeout(Duration.ofSeconds(2))
          .readTimeout(Duration.ofMinutes(5))
          .maxHostDuration(Duration.ofSeconds(2))
          .build();
      ScanEngine engine = new ScanEngine(slowReads, java.time.Clock.systemUTC());
      AtomicReference<HostScanResult> result = new AtomicReference<>();

      Thread scan = new Thread(() -> result.set(engine.scanHost(loopback, ScanListener.NONE)));
      scan.start();
      scan.join(60_000);

      // Far less than the 5 minute read timeout: the read ended at the host's deadline.
      assertThat(scan.isAlive()).isFalse();
      assertThat(result.get().notScanned()).isEqualTo(NotScannedReason.ABORTED);
      assertThat(result.get().evidence()).isEqualTo(
          "the host scan took longer than the option profile's limit of 2 s per host");
    }
  }

  @Test
  void failingListenerDoesNotStopTheScan() throws IOException {
    try (LoopbackService ssh = LoopbackService.greeting("SSH-2.0-test\r\n")) {
      ScanListener failing = new ScanListener() {
        @Override
        public void serviceDetected(InetAddress address, OpenService service) {
          throw new IllegalStateException("listener bug");
        }
      };

      ScanEngine engine = new ScanEngine(options(ssh.port()), clock);

      HostScanResult result = engine.scanHost(loopback, failing);

      assertThat(result.scanned()).isTrue();
      assertThat(result.services().get(0).service()).isEqualTo("ssh");
    }
  }

  @Test
  void scanHostsKeepsTheInputOrder() throws IOException {
    try (LoopbackService ssh = LoopbackService.greeting("SSH-2.0-test\r\n")) {
      // The service listens on 127.0.0.1 only, so 127.0.0.2 refuses the same port.
      InetAddress second = InetAddress.getByAddress(new byte[] {127, 0, 0, 2});
      ScanEngine engine = new ScanEngine(options(ssh.port()), clock);

      List<HostScanResult> results = engine.scanHosts(List.of(second, loopback), ScanListener.NONE);

      assertThat(results).extracting(HostScanResult::ip).containsExactly("127.0.0.2", "127.0.0.1");
      assertThat(results.get(0).openPorts()).isEmpty();
      assertThat(results.get(0).discovery().alive()).isTrue();
      assertThat(results.get(1).openPorts()).containsExactly(ssh.port());
    }
  }
}
