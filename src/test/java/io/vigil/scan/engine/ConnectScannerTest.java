package io.vigil.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.MutableClock;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectScannerTest {
  @Test
  void manyPortsWithFewSocketsGiveEveryState() throws IOException {
    MutableClock clock = MutableClock.at("2024-05-07T10:04:00Z");
    HostDeadline deadline = new HostDeadline(clock, clock.instant(), Duration.ofMinutes(1));
    try (LoopbackService open = LoopbackService.silent()) {
      int closed = LoopbackService.closedPort();
      PortList list = PortList.parse(Math.max(1, closed - 100) + "-" + Math.min(65535, closed + 100)
          + "," + open.port());

      Map<Integer, PortState> states = new ConnectScanner(Duration.ofSeconds(2), 4)
          .scan(InetAddress.getLoopbackAddress(), list, deadline);

      assertThat(states).hasSize(list.size());
      assertThat(states.get(open.port())).isEqualTo(PortState.OPEN);
      assertThat(states.get(closed)).isEqualTo(PortState.CLOSED);
    }
  }
}
