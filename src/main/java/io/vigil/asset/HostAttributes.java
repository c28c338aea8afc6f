package io.vigil.asset;

/**
 * Attributes the subscription stores for each of its IPs.
 *
 * @param vmEnabled whether vulnerability scans may target the IP
 * @param pcEnabled whether compliance scans may target the IP
 * @param owner login of the user who owns the host, or "" for none
 */
public record HostAttributes(
    boolean vmEnabled,
    boolean pcEnabled,
    TrackingMethod trackingMethod,
    String owner,
    String ud1,
    String ud2,
    String ud3,
    String comment) {}
