package io.vigil.scan;

import io.vigil.asset.TrackingMethod;

/**
 * A target host of a scan that has no results, and why.
 *
 * @param ip the IPv4 address as an unsigned number, or null for a host name that was not
 *     resolved
 * @param hostName the name the summary lists the host by: the requested host name when
 *     {@code ip} is null, else the host's DNS or NetBIOS name when it is tracked by one, or null
 * @param evidence what showed the reason, such as the probes that got no reply; null for hosts
 *     stored before Vigil kept evidence
 */
public record NotScannedHost(
    Long ip,
    String hostName,
    NotScannedReason reason,
    TrackingMethod trackingMethod,
    String evidence) {}
