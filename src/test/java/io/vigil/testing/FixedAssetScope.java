package io.vigil.testing;

import io.vigil.asset.AssetGroupNotFoundException;
import io.vigil.asset.AssetScope;
import io.vigil.asset.TrackingMethod;
import io.vigil.net.IpRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An asset scope for tests, the same for every subscription: scannable ranges, exclusions,
 * asset groups and DNS-tracked hosts that a test sets up. Every other host is tracked by IP.
 */
public final class FixedAssetScope implements AssetScope {
  private final List<IpRange> scannable = new CopyOnWriteArrayList<>();
  private final List<IpRange> excluded = new CopyOnWriteArrayList<>();
  private final Map<Long, Group> groups = new LinkedHashMap<>();
  private final List<Long> dnsTracked = new CopyOnWriteArrayList<>();

  private record Group(long id, String title, List<IpRange> ranges) {}

  /** Returns a scope in which 127.0.0.0/8 is scannable. */
  public static FixedAssetScope loopback() {
    return new FixedAssetScope().scannable("127.0.0.0-127.255.255.255");
  }

  public FixedAssetScope scannable(String ranges) {
    scannable.addAll(IpRange.parseList(ranges));
    return this;
  }

  public FixedAssetScope exclude(String ranges) {
    excluded.addAll(IpRange.parseList(ranges));
    return this;
  }

  public synchronized FixedAssetScope group(long id, String title, String ranges) {
    groups.put(id, new Group(id, title, IpRange.parseList(ranges)));
    return this;
  }

  public FixedAssetScope trackByDns(String address) {
    dnsTracked.add(IpRange.toNumber(address));
    return this;
  }

  @Override
  public List<IpRange> scannableRanges(long subscriptionId) {
    return IpRange.merge(scannable);
  }

  @Override
  public List<IpRange> excludedRanges(long subscriptionId, Instant now) {
    return IpRange.merge(excluded);
  }

  @Override
  public synchronized List<IpRange> groupRangesById(long subscriptionId, List<Long> groupIds) {
    List<IpRange> ranges = new ArrayList<>();
    for (long id : groupIds) {
      Group group = groups.get(id);
      if (group == null) {
        throw new AssetGroupNotFoundException("asset_group_ids", Long.toString(id));
      }
      ranges.addAll(group.ranges());
    }
    return ranges;
  }

  @Override
  public synchronized List<IpRange> groupRangesByTitle(long subscriptionId, List<String> titles) {
    List<IpRange> ranges = new ArrayList<>();
    for (String title : titles) {
      Group group = groups.values().stream().filter(g -> g.title().equals(title)).findFirst()
          .orElseThrow(() -> new AssetGroupNotFoundException("asset_groups", title));
      ranges.addAll(group.ranges());
    }
    return ranges;
  }

  @Override
  public TrackingMethod trackingMethod(long subscriptionId, long address) {
    return dnsTracked.contains(address) ? TrackingMethod.DNS : TrackingMethod.IP;
  }
}
