package io.vigil.scan.engine;

import io.vigil.net.IpRange;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/**
 * The networks the operator lets Vigil send probes to. Loopback (127.0.0.0/8 and ::1) is always
 * allowed; anything else only when the operator lists it (the {@code --scan-allow} setting). A
 * subscription's own IP list decides which of these hosts its scans may target. This policy is
 * the outer bound, and the engine checks it again before any probe.
 */
public final class TargetPolicy {
  private static final TargetPolicy LOOPBACK_ONLY = new TargetPolicy(List.of());

  private final List<IpRange> allowed;

  private TargetPolicy(List<IpRange> allowed) {
    this.allowed = List.copyOf(IpRange.merge(allowed));
  }

  /** Allows loopback only, the default. */
  public static TargetPolicy loopbackOnly() {
    return LOOPBACK_ONLY;
  }

  /** Allows loopback and the given IPv4 ranges. */
  public static TargetPolicy allowing(List<IpRange> ranges) {
    return ranges.isEmpty() ? LOOPBACK_ONLY : new TargetPolicy(ranges);
  }

  public boolean allows(InetAddress address) {
    if (address == null) {
      return false;
    }
    if (address.isLoopbackAddress()) {
      return true;
    }
    return address instanceof Inet4Address && allows(IpRange.toNumber(address));
  }

  public boolean allows(long ipv4) {
    if (ipv4 >>> 24 == 127) {
      return true;
    }
    for (IpRange range : allowed) {
      if (range.contains(ipv4)) {
        return true;
      }
    }
    return false;
  }

  /** Returns the operator's ranges besides loopback, merged. */
  public List<IpRange> allowedRanges() {
    return allowed;
  }

  void requireAllowed(InetAddress address) {
    if (address == null) {
      throw new TargetNotAllowedException("null", "the target address is missing");
    }
    if (!allows(address)) {
      throw new TargetNotAllowedException(
          address.getHostAddress(),
          "target " + address.getHostAddress() + " is not allowed: Vigil scans only loopback"
              + " and the networks listed in --scan-allow");
    }
  }

  @Override
  public String toString() {
    return allowed.isEmpty() ? "loopback" : "loopback," + allowed;
  }
}
