package io.vigil.asset;

import io.vigil.net.IpRange;
import java.time.Instant;
import java.util.List;

/**
 * An asset scope with no scannable IPs, no exclusions and no asset groups, so scans skip every
 * target as blocked.
 *
 * <p>TODO: replace with the scope backed by the asset storage once the asset APIs exist.
 */
public final class NoAssetScope implements AssetScope {
  @Override
  public List<IpRange> scannableRanges(long subscriptionId) {
    return List.of();
  }

  @Override
  public List<IpRange> excludedRanges(long subscriptionId, Instant now) {
    return List.of();
  }

  @Override
  public List<IpRange> groupRangesById(long subscriptionId, List<Long> groupIds) {
    if (!groupIds.isEmpty()) {
      throw new AssetGroupNotFoundException("asset_group_ids", groupIds.get(0).toString());
    }
    return List.of();
  }

  @Override
  public List<IpRange> groupRangesByTitle(long subscriptionId, List<String> titles) {
    if (!titles.isEmpty()) {
      throw new AssetGroupNotFoundException("asset_groups", titles.get(0));
    }
    return List.of();
  }

  @Override
  public TrackingMethod trackingMethod(long subscriptionId, long address) {
    return TrackingMethod.IP;
  }
}
