package io.vigil.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ScanOptionsTest {
  @Test
  void defaultsAreValid() {
    ScanOptions options = ScanOptions.builder().build();

    assertThat(options.tcpPorts()).isEqualTo(PortList.standard());
    assertThat(options.discoveryPorts()).isEqualTo(ScanOptions.DEFAULT_DISCOVERY_PORTS);
    assertThat(options.scanDeadHosts()).isFalse();
    assertThat(options.toBuilder().build()).isEqualTo(options);
  }

  @Test
  void socketBudgetIsCapped() {
    ScanOptions.Builder builder =
        ScanOptions.builder().maxConcurrentProbes(1024).maxHostsInParallel(8);

    assertThatThrownBy(builder::build)
        .isInstanceOf(InvalidScanOptionException.class)
        .hasMessage("maxHostsInParallel * maxConcurrentProbes is 8192, above the limit of 4096 "
            + "open sockets. Lower one of them.");
  }

  @Test
  void invalidValuesNameTheOption() {
    assertThatThrownBy(() -> ScanOptions.builder().maxConcurrentProbes(0).build())
        .hasMessage("maxConcurrentProbes must be between 1 and 1024, got 0");
    assertThatThrownBy(() -> ScanOptions.builder().connectTimeout(Duration.ZERO).build())
        .hasMessage("connectTimeout must be at least 1 ms, got PT0S");
    assertThatThrownBy(() -> ScanOptions.builder().readTimeout(null).build())
        .hasMessage("readTimeout is missing");
    assertThatThrownBy(() -> ScanOptions.builder().maxHostsInParallel(257).build())
        .isInstanceOf(InvalidScanOptionException.class)
        .extracting(e -> ((InvalidScanOptionException) e).option())
        .isEqualTo("maxHostsInParallel");
  }
}
