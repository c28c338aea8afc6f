package io.vigil.scan.engine;

import java.net.InetAddress;

/**
 * Rejects every target outside the loopback range (127.0.0.0/8 and ::1) before any probe is sent.
 *
 * <p>NOTE: the engine scans loopback addresses only, because nothing decides yet which networks a
 * subscription may scan. The scan service must replace this check with its target policy before
 * the engine scans other hosts.
 */
final class TargetGuard {
  private TargetGuard() {}

  static void requireAllowed(InetAddress address) {
    if (address == null) {
      throw new TargetNotAllowedException("null", "the target address is missing");
    }
    if (!address.isLoopbackAddress()) {
      throw new TargetNotAllowedException(
          address.getHostAddress(),
          "target " + address.getHostAddress()
              + " is not allowed: the scan engine scans only 127.0.0.0/8 and ::1");
    }
  }
}
