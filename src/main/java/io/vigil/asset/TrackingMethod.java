package io.vigil.asset;

/** How Qualys identifies a host across scans: by IP address, DNS name or NetBIOS name. */
public enum TrackingMethod {
  IP,
  DNS,
  NETBIOS
}
