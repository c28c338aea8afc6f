package io.vigil.scan.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PortListTest {
  @Test
  void parseMergesPortsAndRanges() {
    PortList ports = PortList.parse("8080, 22,80,8000-8100,79-81");

    assertThat(ports.size()).isEqualTo(1 + 3 + 101);
    assertThat(ports.contains(22)).isTrue();
    assertThat(ports.contains(8100)).isTrue();
    assertThat(ports.contains(8101)).isFalse();
    assertThat(ports.toString()).isEqualTo("22,79-81,8000-8100");
  }

  @Test
  void parseRejectsInvalidItems() {
    String[] invalid = {"", " ", "22,", "0", "65536", "abc", "80-22", "1-2-3", "-5", "22;80",
        "123456"};
    for (String text : invalid) {
      assertThatThrownBy(() -> PortList.parse(text))
          .as("port list \"%s\"", text)
          .isInstanceOf(InvalidScanOptionException.class)
          .hasMessageContaining("invalid port list")
          .hasMessageEndingWith("Use numbers and ranges such as 22,80,8000-8100.");
    }
  }

  @Test
  void parseNamesTheBadItem() {
    assertThatThrownBy(() -> PortList.parse("22,http"))
        .hasMessage("invalid port list \"22,http\": \"http\" is not a port number (1-65535). "
            + "Use numbers and ranges such as 22,80,8000-8100.");
  }

  @Test
  void fullCoversEveryPort() {
    assertThat(PortList.full().size()).isEqualTo(65535);
    assertThat(PortList.full().toString()).isEqualTo("1-65535");
  }

  @Test
  void standardListHasCommonServices() {
    PortList standard = PortList.standard();

    assertThat(standard.size()).isBetween(100, 200);
    for (int port : new int[] {21, 22, 23, 25, 80, 110, 143, 443, 445, 993, 995, 3306, 3389,
        5432, 6379, 8080, 8443}) {
      assertThat(standard.contains(port)).as("port %d", port).isTrue();
    }
  }

  @Test
  void ofRejectsPortOutsideRange() {
    assertThatThrownBy(() -> PortList.of(22, 70000))
        .isInstanceOf(InvalidScanOptionException.class)
        .hasMessage("port 70000 is outside 1-65535");
  }
}
