package io.vigil.scan;

import io.vigil.asset.AssetScope;
import io.vigil.asset.TrackingMethod;
import io.vigil.net.IpRange;
import io.vigil.scan.engine.TargetPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the target parameters of a launch into the hosts to scan and the hosts to skip. Only
 * addresses inside the subscription's scannable ranges and the operator's {@link TargetPolicy}
 * are scanned; excluded addresses (per scan
 * or for the whole subscription) and addresses outside the scope are recorded with their
 * reason. Overlapping ranges are merged, so an address given twice is scanned once.
 *
 * <p>Host names (fqdn) are resolved through {@link HostNames}, never by a DNS query. A name that
 * does not resolve is recorded as unresolved, and a name whose address is already a target as a
 * duplicate.
 */
final class ScanTargets {
  /** Upper bound of the addresses in one scan's target, so that one launch stays bounded. */
  static final long MAX_TARGET_HOSTS = 65_536;

  /**
   * The outcome of resolving a launch's targets.
   *
   * @param targetRanges the merged IP ranges of the target, before exclusions
   * @param toScan the addresses to scan, ascending
   * @param notScanned the target hosts skipped before the scan, with their reasons
   * @param excludedRanges the target addresses that an exclusion removed, merged
   */
  record Resolved(
      List<IpRange> targetRanges,
      List<Long> toScan,
      List<NotScannedHost> notScanned,
      List<IpRange> excludedRanges) {}

  private ScanTargets() {}

  static Resolved resolve(
      AssetScope scope,
      TargetPolicy policy,
      HostNames names,
      long subscriptionId,
      Instant now,
      List<IpRange> requested,
      List<String> hostNames,
      List<IpRange> excludedPerScan) {
    List<NotScannedHost> notScanned = new ArrayList<>();
    List<IpRange> withNames = new ArrayList<>(requested);
    Map<Long, String> addedByName = new HashMap<>();
    for (String name : hostNames) {
      List<Long> addresses = names.addresses(name);
      if (addresses.isEmpty()) {
        notScanned.add(new NotScannedHost(null, name, NotScannedReason.UNRESOLVED,
            TrackingMethod.DNS, "the hosts file has no address for " + name
                + ", and Vigil sends no DNS query"));
        continue;
      }
      for (long address : addresses) {
        if (contains(IpRange.merge(withNames), address)) {
          // The address is already a target, by IP or by another name: one scan probes it once.
          String first = addedByName.containsKey(address)
              ? "the name " + addedByName.get(address) : "the ip parameter or an asset group";
          notScanned.add(duplicate(scope, names, subscriptionId, address, name,
              name + " resolves to " + IpRange.format(address) + ", which the scan already"
                  + " targets through " + first));
        } else {
          withNames.add(IpRange.single(address));
          addedByName.put(address, name);
        }
      }
    }
    List<IpRange> target = IpRange.merge(withNames);
    long size = target.stream().mapToLong(IpRange::size).sum();
    if (size > MAX_TARGET_HOSTS) {
      throw new InvalidScanParameterException(
          "ip", describe(target), "the target has " + size + " addresses; one scan may have at"
              + " most " + MAX_TARGET_HOSTS + ", so split it into several scans");
    }
    List<IpRange> perScan = IpRange.merge(excludedPerScan);
    List<IpRange> global = IpRange.merge(scope.excludedRanges(subscriptionId, now));
    List<IpRange> scannable = IpRange.merge(scope.scannableRanges(subscriptionId));

    List<Long> toScan = new ArrayList<>();
    List<IpRange> excludedHits = new ArrayList<>();
    for (IpRange range : target) {
      for (long address = range.first(); address <= range.last(); address++) {
        Skip skip = skip(address, perScan, global, scannable, policy);
        if (skip == null) {
          toScan.add(address);
          continue;
        }
        if (skip.reason() == NotScannedReason.EXCLUDED) {
          excludedHits.add(IpRange.single(address));
        }
        TrackingMethod tracking = scope.trackingMethod(subscriptionId, address);
        notScanned.add(new NotScannedHost(address,
            names.listedName(address, tracking).orElse(null), skip.reason(), tracking,
            skip.evidence()));
      }
    }
    return new Resolved(target, toScan, notScanned, IpRange.merge(excludedHits));
  }

  /** The reason a target address is skipped before the scan, with its evidence. */
  private record Skip(NotScannedReason reason, String evidence) {}

  /**
   * Returns why the address is skipped, or null when it is scanned. Exclusions come first, then
   * the blocks: outside the subscription's IPs, on the operator's deny list (--scan-deny), or
   * outside the networks the operator allows (--scan-allow).
   */
  private static Skip skip(long address, List<IpRange> perScan, List<IpRange> global,
      List<IpRange> scannable, TargetPolicy policy) {
    Optional<IpRange> scanExclusion = find(perScan, address);
    if (scanExclusion.isPresent()) {
      return new Skip(NotScannedReason.EXCLUDED,
          "excluded by the scan's exclude_ip_per_scan entry " + scanExclusion.get());
    }
    Optional<IpRange> globalExclusion = find(global, address);
    if (globalExclusion.isPresent()) {
      return new Skip(NotScannedReason.EXCLUDED,
          "on the subscription's excluded IP list, entry " + globalExclusion.get());
    }
    if (!contains(scannable, address)) {
      return new Skip(NotScannedReason.BLOCKED, "not among the subscription's IPs");
    }
    String blocked = policyBlock(policy, address);
    return blocked == null ? null : new Skip(NotScannedReason.BLOCKED, blocked);
  }

  /**
   * Returns why the operator's policy blocks the address, or null when it allows it: the deny
   * list entry (--scan-deny) that contains it, or the allowed networks (--scan-allow) it is
   * outside of.
   */
  static String policyBlock(TargetPolicy policy, long address) {
    IpRange denied = policy.deniedRange(address);
    if (denied != null) {
      return "on the operator's deny list, entry " + denied + " (vigil serve --scan-deny)";
    }
    if (!policy.allows(address)) {
      return "outside the networks this server may scan (" + policy
          + "); the operator sets them with vigil serve --scan-allow";
    }
    return null;
  }

  /**
   * Returns a duplicate host. It is listed by the requested name under DNS tracking, so that the
   * summary shows which name was the duplicate, and by its NetBIOS name under NetBIOS tracking.
   */
  private static NotScannedHost duplicate(AssetScope scope, HostNames names, long subscriptionId,
      long address, String name, String evidence) {
    TrackingMethod tracking = scope.trackingMethod(subscriptionId, address);
    String listed = tracking == TrackingMethod.NETBIOS
        ? names.listedName(address, tracking).orElse(null) : name;
    return new NotScannedHost(address, listed, NotScannedReason.DUPLICATE, tracking, evidence);
  }

  /** Returns whether a sorted list of disjoint ranges contains the address. */
  static boolean contains(List<IpRange> sortedRanges, long address) {
    return find(sortedRanges, address).isPresent();
  }

  /** Returns the range of a sorted list of disjoint ranges that contains the address. */
  static Optional<IpRange> find(List<IpRange> sortedRanges, long address) {
    int index =
        Collections.binarySearch(
            sortedRanges, IpRange.single(address), (a, b) -> Long.compare(a.first(), b.first()));
    if (index >= 0) {
      return Optional.of(sortedRanges.get(index));
    }
    int before = -index - 2;
    return before >= 0 && sortedRanges.get(before).contains(address)
        ? Optional.of(sortedRanges.get(before)) : Optional.empty();
  }

  /** Returns ranges as the API writes them: "10.0.0.1, 10.0.0.5-10.0.0.9". */
  static String describe(List<IpRange> ranges) {
    List<String> parts = new ArrayList<>();
    for (IpRange range : ranges) {
      parts.add(range.toString());
    }
    return String.join(", ", parts);
  }
}
