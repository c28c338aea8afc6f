package io.vigil.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.account.SubscriptionType;
import io.vigil.net.IpRange;
import io.vigil.testing.MutableClock;
import io.vigil.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The AssetScope the composition root registers, over a real database. */
class AssetScopeTest {
  static final MutableClock clock = MutableClock.at("2024-06-01T00:00:00Z");
  static TestServer server;
  static AssetServices assets;
  static long subscription;

  @BeforeAll
  static void start() {
    server = TestServer.builder().clock(clock).start();
    assets = server.server().assets();
    subscription = server.server().accounts().defaultSubscription().id();
    assets.ips().addIps(subscription, ips("10.40.0.1-10.40.0.9"),
        new HostChange(true, false, null, null, null, null, null, null), "admin");
    assets.ips().addIps(subscription, ips("10.40.0.5"),
        new HostChange(false, true, TrackingMethod.DNS, null, null, null, null, null), "admin");
    assets.ips().addIps(subscription, ips("10.40.1.1"),
        new HostChange(false, true, TrackingMethod.NETBIOS, null, null, null, null, null),
        "admin");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static List<IpRange> ips(String text) {
    return IpRange.parseList(text);
  }

  @Test
  void scannableRangesAreVmEnabledOnly() {
    List<IpRange> ranges = assets.scope().scannableRanges(subscription);

    assertThat(ranges).isEqualTo(ips("10.40.0.1-10.40.0.9"));
  }

  @Test
  void addingToSecondModuleKeepsFirst() {
    HostAttributes host = assets.ips().hosts(subscription).valueAt(IpRange.toNumber("10.40.0.5"));

    assertThat(host.vmEnabled()).isTrue();
    assertThat(host.pcEnabled()).isTrue();
  }

  @Test
  void trackingMethodDefaultsToIp() {
    AssetScope scope = assets.scope();

    assertThat(scope.trackingMethod(subscription, IpRange.toNumber("10.40.0.5")))
        .isEqualTo(TrackingMethod.DNS);
    assertThat(scope.trackingMethod(subscription, IpRange.toNumber("10.40.0.6")))
        .isEqualTo(TrackingMethod.IP);
    assertThat(scope.trackingMethod(subscription, IpRange.toNumber("10.40.1.1")))
        .isEqualTo(TrackingMethod.NETBIOS);
    assertThat(scope.trackingMethod(subscription, IpRange.toNumber("192.0.2.1")))
        .isEqualTo(TrackingMethod.IP);
  }

  @Test
  void excludedRangesDropExpiredOnes() {
    assets.ips().exclude(subscription, ips("10.40.0.2"), 3, "patching", "admin");
    assets.ips().exclude(subscription, ips("10.40.0.3"), null, "fragile", "admin");
    AssetScope scope = assets.scope();

    List<IpRange> now = scope.excludedRanges(subscription, clock.instant());
    List<IpRange> later = scope.excludedRanges(subscription, clock.instant().plus(
        Duration.ofDays(3)));

    assertThat(now).isEqualTo(ips("10.40.0.2-10.40.0.3"));
    assertThat(later).isEqualTo(ips("10.40.0.3"));
  }

  @Test
  void groupRangesByIdAndTitleAreMerged() {
    long first = assets.groups().add(subscription, "Scope A", "", ips("10.40.0.1-10.40.0.2"),
        "admin");
    long second = assets.groups().add(subscription, "Scope B", "", ips("10.40.0.3"), "admin");

    List<IpRange> byId = assets.scope().groupRangesById(subscription, List.of(first, second));
    List<IpRange> byTitle =
        assets.scope().groupRangesByTitle(subscription, List.of("Scope A", "Scope B"));

    assertThat(byId).isEqualTo(ips("10.40.0.1-10.40.0.3"));
    assertThat(byTitle).isEqualTo(byId);
  }

  @Test
  void unknownGroupNamesParameter() {
    AssetScope scope = assets.scope();

    assertThatThrownBy(() -> scope.groupRangesById(subscription, List.of(987654L)))
        .isInstanceOfSatisfying(AssetGroupNotFoundException.class, e -> {
          assertThat(e.parameter()).isEqualTo("asset_group_ids");
          assertThat(e.value()).isEqualTo("987654");
        });
    assertThatThrownBy(() -> scope.groupRangesByTitle(subscription, List.of("No such")))
        .isInstanceOfSatisfying(AssetGroupNotFoundException.class, e ->
            assertThat(e.parameter()).isEqualTo("asset_groups"));
  }

  @Test
  void otherSubscriptionSeesNothing() {
    long other =
        server.server().accountStore().createSubscription(
            SubscriptionType.ENTERPRISE,
            "Other Co",
            server.server().accounts().defaultSubscription().limits());

    assertThat(assets.scope().scannableRanges(other)).isEmpty();
    assertThat(assets.scope().excludedRanges(other, clock.instant())).isEmpty();
  }
}
