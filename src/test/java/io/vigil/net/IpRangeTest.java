package io.vigil.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IpRangeTest {
  @Test
  void singleAddressAndRangeParse() {
    assertThat(IpRange.parse("10.20.31.112").toString()).isEqualTo("10.20.31.112");
    assertThat(IpRange.parse(" 10.0.0.1 - 10.0.0.9 ").size()).isEqualTo(9);
    assertThat(IpRange.parse("255.255.255.255").last()).isEqualTo(0xFFFF_FFFFL);
  }

  @Test
  void listParsesCommaSeparatedItems() {
    List<IpRange> ranges = IpRange.parseList("10.20.31.112, 10.10.10.10,10.0.0.1-10.0.0.3");

    assertThat(ranges).extracting(IpRange::toString)
        .containsExactly("10.20.31.112", "10.10.10.10", "10.0.0.1-10.0.0.3");
  }

  @Test
  void invalidValuesNameTheProblem() {
    assertThatThrownBy(() -> IpRange.parse("10.0.0.256")).hasMessageContaining("over 255");
    assertThatThrownBy(() -> IpRange.parse("10.0.0")).hasMessageContaining("not an IPv4");
    assertThatThrownBy(() -> IpRange.parse("10.0.0.9-10.0.0.1")).hasMessageContaining("starts after");
    assertThatThrownBy(() -> IpRange.parse("fe80::1")).hasMessageContaining("not an IPv4");
    assertThatThrownBy(() -> IpRange.parseList(" , ")).hasMessageContaining("no IP");
  }

  @Test
  void mergeJoinsOverlappingAndAdjacentRanges() {
    List<IpRange> merged = IpRange.merge(List.of(IpRange.parse("10.0.0.5-10.0.0.9"),
        IpRange.parse("10.0.0.1-10.0.0.4"), IpRange.parse("10.0.0.20")));

    assertThat(merged).extracting(IpRange::toString)
        .containsExactly("10.0.0.1-10.0.0.9", "10.0.0.20");
  }

  @Test
  void cidrBlocksParse() {
    assertThat(IpRange.parse("198.18.0.0/15").toString()).isEqualTo("198.18.0.0-198.19.255.255");
    assertThat(IpRange.parse("10.1.2.3/24").toString()).isEqualTo("10.1.2.0-10.1.2.255");
    assertThat(IpRange.parse("10.1.2.3/32").toString()).isEqualTo("10.1.2.3");
    assertThat(IpRange.parse("0.0.0.0/0").size()).isEqualTo(1L << 32);
    assertThatThrownBy(() -> IpRange.parse("10.0.0.0/33")).hasMessageContaining("0 to 32");
  }

  @Test
  void overlapIsInclusive() {
    assertThat(IpRange.parse("10.0.0.1-10.0.0.5").overlaps(IpRange.parse("10.0.0.5"))).isTrue();
    assertThat(IpRange.parse("10.0.0.1-10.0.0.5").overlaps(IpRange.parse("10.0.0.6"))).isFalse();
  }
}
