package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.config.InvalidSettingsException;
import io.vigil.config.Settings;
import io.vigil.net.IpRange;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The network list options of vigil serve, which bound what scans may probe. */
class ServeSettingsTest {
  @TempDir
  Path dataDir;

  Settings settings(String... args) {
    ServeCommand serve = new ServeCommand();
    List<String> all = new java.util.ArrayList<>(List.of("--data-dir", dataDir.toString()));
    all.addAll(List.of(args));
    new CommandLine(serve).parseArgs(all.toArray(String[]::new));
    return serve.settings();
  }

  @Test
  void scanDenyParsesNetworks() {
    Settings settings = settings("--scan-deny", "127.0.0.50, 10.1.2.0/24");

    assertThat(settings.scanDeny()).containsExactly(
        IpRange.parse("127.0.0.50"), IpRange.parse("10.1.2.0-10.1.2.255"));
  }

  @Test
  void leadingZeroIsRejected() {
    assertThatThrownBy(() -> settings("--scan-deny", "127.0.0.010"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("Invalid --scan-deny (VIGIL_SCAN_DENY) entry 127.0.0.010: octet 010 has a"
            + " leading zero.");
  }

  @Test
  void emptyEntryIsRejected() {
    assertThatThrownBy(() -> settings("--scan-allow", "198.18.0.0/15,,198.20.0.1"))
        .isInstanceOf(InvalidSettingsException.class)
        .hasMessage("Invalid --scan-allow (VIGIL_SCAN_ALLOW) value 198.18.0.0/15,,198.20.0.1: it"
            + " has an empty entry; separate networks with single commas.");
  }
}
