package io.vigil.scan.engine;

import io.vigil.net.IpRange;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;

/**
 * The networks the operator lets Vigil send probes to. Loopback (127.0.0.0/8 and ::1) is
 * allowed, and anything else only when the operator lists it (the {@code --scan-allow}
 * setting). The deny list ({@code --scan-deny}) takes IPv4 addresses out of both, for hosts that
 * must never be probed. A subscription's own IP list decides which of the allowed hosts its
 * scans may target. This policy is the outer bound, and the engine checks it again before any
 * probe.
 */
public final class TargetPolicy {
  private static final TargetPolicy LOOPBACK_ONLY = new TargetPolicy(List.of(), List.of());

  private final List<IpRange> allowed;
  private final List<IpRange> denied;

  private TargetPolicy(List<IpRange> allowed, List<IpRange> denied) {
    this.allowed = List.copyOf(IpRange.merge(allowed));
    this.denied = List.copyOf(IpRange.merge(denied));
  }

  /** Allows loopback only, the default. */
  public static TargetPolicy loopbackOnly() {
    return LOOPBACK_ONLY;
  }

  /** Allows loopback and the given IPv4 ranges. */
  public static TargetPolicy allowing(List<IpRange> ranges) {
    return of(ranges, List.of());
  }

  /** Allows loopback and {@code allowed}, except the addresses in {@code denied}. */
  public static TargetPolicy of(List<IpRange> allowed, List<IpRange> denied) {
    return allowed.isEmpty() && denied.isEmpty()
        ? LOOPBACK_ONLY : new TargetPolicy(allowed, denied);
  }

  public boolean allows(InetAddress address) {
    if (address == null) {
      return false;
    }
    if (address instanceof Inet4Address) {
      return allows(IpRange.toNumber(address));
    }
    return address.isLoopbackAddress();
  }

  public boolean allows(long ipv4) {
    if (deniedRange(ipv4) != null) {
      return false;
    }
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

  /** Returns the range of the deny list that contains the address, or null. */
  public IpRange deniedRange(long ipv4) {
    for (IpRange range : denied) {
      if (range.contains(ipv4)) {
        return range;
      }
    }
    return null;
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
              + " and the networks listed in --scan-allow, except those in --scan-deny");
    }
  }

  /** Describes the allowed networks, such as "loopback,[10.0.0.0-10.255.255.255]". */
  @Override
  public String toString() {
    return allowed.isEmpty() ? "loopback" : "loopback," + allowed;
  }
}
