package io.vigil.asset;

import io.vigil.net.IpRange;
import java.time.Instant;
import java.util.List;

/**
 * What the scan service needs to know about a subscription's assets: which IPs it may scan, which
 * are excluded, what its asset groups hold, and how each host is tracked.
 */
public interface AssetScope {

  /** Returns the IP ranges of the subscription enabled for VM scanning, merged and sorted. */
  List<IpRange> scannableRanges(long subscriptionId);

  /** Returns the ranges excluded from every scan at {@code now} (expired exclusions drop out). */
  List<IpRange> excludedRanges(long subscriptionId, Instant now);

  /**
   * Returns the IPs of asset groups named by id.
   *
   * @throws AssetGroupNotFoundException when an id matches no group
   */
  List<IpRange> groupRangesById(long subscriptionId, List<Long> groupIds);

  /**
   * Returns the IPs of asset groups named by title.
   *
   * @throws AssetGroupNotFoundException when a title matches no group
   */
  List<IpRange> groupRangesByTitle(long subscriptionId, List<String> titles);

  /** Returns how the host at {@code address} is tracked; IP when it was added without one. */
  TrackingMethod trackingMethod(long subscriptionId, long address);
}
