package io.vigil.asset;

import io.vigil.net.IpRange;
import java.time.Instant;
import java.util.List;

/**
 * A named set of IPs of one subscription, which scans and reports target by id or title.
 *
 * @param ranges the IPs of the group, merged and sorted
 */
public record AssetGroup(
    long id,
    long subscriptionId,
    String title,
    String comments,
    List<IpRange> ranges,
    Instant modifiedAt,
    String modifiedBy) {}
