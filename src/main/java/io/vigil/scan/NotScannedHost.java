package io.vigil.scan;

import io.vigil.asset.TrackingMethod;

/**
 * A target host of a scan that has no results, and why.
 *
 * @param ip the IPv4 address as an unsigned number, or null for a host name that was not
 *     resolved
 * @param hostName the requested host name when {@code ip} is null, else null
 */
public record NotScannedHost(
    Long ip, String hostName, NotScannedReason reason, TrackingMethod trackingMethod) {}
