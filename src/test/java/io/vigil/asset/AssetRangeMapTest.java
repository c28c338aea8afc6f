package io.vigil.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.net.IpRange;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RangeMap and IpSets: the range algebra under the asset storage. */
class AssetRangeMapTest {

  private static List<IpRange> ips(String text) {
    return IpRange.parseList(text);
  }

  @Test
  void intersectKeepsCommonAddresses() {
    List<IpRange> result = IpSets.intersect(ips("10.0.0.1-10.0.0.10,10.0.0.20"),
        ips("10.0.0.5-10.0.0.25"));

    assertThat(IpSets.format(result)).isEqualTo("10.0.0.5-10.0.0.10,10.0.0.20");
  }

  @Test
  void subtractSplitsRanges() {
    List<IpRange> result = IpSets.subtract(ips("10.0.0.1-10.0.0.10"),
        ips("10.0.0.3,10.0.0.5-10.0.0.6,10.0.0.10-10.0.0.20"));

    assertThat(IpSets.format(result)).isEqualTo("10.0.0.1-10.0.0.2,10.0.0.4,10.0.0.7-10.0.0.9");
  }

  @Test
  void subtractEverythingLeavesNothing() {
    assertThat(IpSets.subtract(ips("10.0.0.1-10.0.0.3"), ips("10.0.0.0-10.0.0.9"))).isEmpty();
    assertThat(IpSets.containsAll(ips("10.0.0.0-10.0.0.9"), ips("10.0.0.2"))).isTrue();
    assertThat(IpSets.containsAll(ips("10.0.0.0-10.0.0.9"), ips("10.0.0.10"))).isFalse();
  }

  @Test
  void subtractHandlesTopOfAddressSpace() {
    List<IpRange> result = IpSets.subtract(ips("255.255.255.250-255.255.255.255"),
        ips("255.255.255.255"));

    assertThat(IpSets.format(result)).isEqualTo("255.255.255.250-255.255.255.254");
  }

  @Test
  void updateSplitsAndMergesSegments() {
    RangeMap<String> map = RangeMap.<String>empty().update(ips("10.0.0.1-10.0.0.10"), v -> v, "a");

    RangeMap<String> changed = map.update(ips("10.0.0.4-10.0.0.5"), v -> "b", null);
    RangeMap<String> restored = changed.update(ips("10.0.0.4-10.0.0.5"), v -> "a", null);

    assertThat(changed.segments()).hasSize(3);
    assertThat(changed.valueAt(IpRange.toNumber("10.0.0.4"))).isEqualTo("b");
    assertThat(changed.valueAt(IpRange.toNumber("10.0.0.6"))).isEqualTo("a");
    assertThat(restored.segments()).hasSize(1);
    assertThat(restored.ranges()).isEqualTo(ips("10.0.0.1-10.0.0.10"));
  }

  @Test
  void updateWithoutNewValueLeavesGaps() {
    RangeMap<String> map = RangeMap.<String>empty().update(ips("10.0.0.1"), v -> v, "a");

    RangeMap<String> changed = map.update(ips("10.0.0.1-10.0.0.3"), v -> "b", null);

    assertThat(changed.ranges()).isEqualTo(ips("10.0.0.1"));
    assertThat(changed.valueAt(IpRange.toNumber("10.0.0.2"))).isNull();
  }

  @Test
  void removeAndRestrictCutSegments() {
    RangeMap<String> map =
        RangeMap.<String>empty().update(ips("10.0.0.1-10.0.0.10"), v -> v, "a");

    assertThat(IpSets.format(map.remove(ips("10.0.0.5")).ranges()))
        .isEqualTo("10.0.0.1-10.0.0.4,10.0.0.6-10.0.0.10");
    assertThat(IpSets.format(map.restrictTo(ips("10.0.0.9-10.0.0.20")).ranges()))
        .isEqualTo("10.0.0.9-10.0.0.10");
  }

  @Test
  void overlappingSegmentsAreRejected() {
    List<Segment<String>> overlapping =
        List.of(new Segment<>(IpRange.parse("10.0.0.1-10.0.0.5"), "a"),
            new Segment<>(IpRange.parse("10.0.0.5"), "b"));

    assertThatThrownBy(() -> RangeMap.of(overlapping))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Overlapping");
  }
}
