package io.vigil.asset;

import io.vigil.net.IpRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The {@link AssetScope} the scan service reads, over the stored IPs, exclusions and groups. */
public final class StoredAssetScope implements AssetScope {
  private final AssetService assets;
  private final AssetGroupService groups;

  public StoredAssetScope(AssetService assets, AssetGroupService groups) {
    this.assets = assets;
    this.groups = groups;
  }

  @Override
  public List<IpRange> scannableRanges(long subscriptionId) {
    return assets.hosts(subscriptionId).filter(HostAttributes::vmEnabled).ranges();
  }

  @Override
  public List<IpRange> excludedRanges(long subscriptionId, Instant now) {
    return assets.exclusionsAt(subscriptionId, now).ranges();
  }

  @Override
  public List<IpRange> groupRangesById(long subscriptionId, List<Long> groupIds) {
    List<IpRange> ranges = new ArrayList<>();
    for (long id : groupIds) {
      AssetGroup group =
          groups
              .find(subscriptionId, id)
              .orElseThrow(
                  () -> new AssetGroupNotFoundException("asset_group_ids", Long.toString(id)));
      ranges.addAll(group.ranges());
    }
    return IpRange.merge(ranges);
  }

  @Override
  public List<IpRange> groupRangesByTitle(long subscriptionId, List<String> titles) {
    List<IpRange> ranges = new ArrayList<>();
    for (String title : titles) {
      AssetGroup group =
          groups
              .findByTitle(subscriptionId, title)
              .orElseThrow(() -> new AssetGroupNotFoundException("asset_groups", title));
      ranges.addAll(group.ranges());
    }
    return IpRange.merge(ranges);
  }

  @Override
  public TrackingMethod trackingMethod(long subscriptionId, long address) {
    HostAttributes host = assets.hosts(subscriptionId).valueAt(address);
    return host == null ? TrackingMethod.IP : host.trackingMethod();
  }
}
