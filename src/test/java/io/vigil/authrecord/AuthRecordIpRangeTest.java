package io.vigil.authrecord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parsing, merging and subtracting the IPv4 ranges of records. */
class AuthRecordIpRangeTest {

  static List<String> text(List<IpRange> ranges) {
    return ranges.stream().map(IpRange::toString).toList();
  }

  @Test
  void parseSortsAndMerges() {
    List<IpRange> ranges =
        IpRange.parseList("ips", "10.0.0.9, 10.0.0.1-10.0.0.5,10.0.0.6 ,192.168.1.1,10.0.0.3");

    assertThat(text(ranges)).containsExactly("10.0.0.1-10.0.0.6", "10.0.0.9", "192.168.1.1");
  }

  @Test
  void parseCoversWholeAddressSpace() {
    List<IpRange> ranges = IpRange.parseList("ips", "0.0.0.0-255.255.255.255");

    assertThat(ranges.get(0).start()).isZero();
    assertThat(ranges.get(0).end()).isEqualTo(0xFFFF_FFFFL);
  }

  @Test
  void parseRejectsInvalidEntries() {
    for (String text : List.of("", "1.2.3", "1.2.3.4.5", "256.1.1.1", "1.2.3.-4", "01.2.3.4",
        "1.2.3.4-1.2.3.3", "::1", "1.2.3.4/24")) {
      assertThatThrownBy(() -> IpRange.parseList("ips", text))
          .as(text)
          .isInstanceOf(InvalidRecordValueException.class)
          .hasMessageStartingWith("Invalid ips");
    }
  }

  @Test
  void subtractSplitsRanges() {
    List<IpRange> from = IpRange.parseList("ips", "10.0.0.1-10.0.0.10, 10.0.1.1");
    List<IpRange> removed = IpRange.parseList("remove_ips", "10.0.0.4-10.0.0.5, 10.0.1.1");

    assertThat(text(IpRange.subtract(from, removed)))
        .containsExactly("10.0.0.1-10.0.0.3", "10.0.0.6-10.0.0.10");
  }

  @Test
  void overlapsIncludesEndpoints() {
    IpRange range = new IpRange(10, 20);

    assertThat(range.overlaps(new IpRange(20, 30))).isTrue();
    assertThat(range.overlaps(new IpRange(0, 10))).isTrue();
    assertThat(range.overlaps(new IpRange(21, 30))).isFalse();
  }

  @Test
  void idSelectionParsesIdsAndRanges() {
    IdSelection selection = IdSelection.parse("ids", "12, 15-20,3");

    assertThat(selection.ids()).containsExactly(12L, 3L);
    assertThat(selection.ranges()).hasSize(1);
    assertThat(selection.ranges().get(0)).containsExactly(15L, 20L);
    assertThatThrownBy(() -> IdSelection.parse("ids", "20-15"))
        .isInstanceOf(InvalidRecordValueException.class);
    assertThatThrownBy(() -> IdSelection.parse("ids", "0"))
        .isInstanceOf(InvalidRecordValueException.class);
  }

  @Test
  void targetNameVariables() {
    VaultFields.checkTargetName(Technology.WINDOWS, "qualys_scan@local@${ip_dash}_${nbhost}");
    VaultFields.checkTargetName(Technology.UNIX, "qualys_scan@local@${ip}");

    assertThatThrownBy(() -> VaultFields.checkTargetName(Technology.UNIX, "u@d@${nbhost}"))
        .isInstanceOf(InvalidRecordValueException.class)
        .hasMessageContaining("Windows records only");
    assertThatThrownBy(() -> VaultFields.checkTargetName(Technology.WINDOWS, "no-at-sign"))
        .isInstanceOf(InvalidRecordValueException.class);
  }
}
