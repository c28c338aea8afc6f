package io.vigil.scan;

import io.vigil.net.IpRange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds the compact host list of one category and tracking method, as Qualys' scan summary
 * writes it. Hosts tracked by IP are ascending addresses, with consecutive addresses merged into
 * ranges ("10.10.10.10-10.10.10.15, 10.10.10.17"). DNS names are sorted and separated by spaces,
 * NetBIOS names sorted and separated by ", ".
 *
 * <p>Addresses must be added in ascending order. A host tracked by name whose name is unknown
 * is listed by its address, after the names.
 */
final class HostList {
  private final String tracking;
  private final StringBuilder ranges = new StringBuilder();
  private final List<String> names = new ArrayList<>();
  private final List<Long> unnamed = new ArrayList<>();
  private long first = -1;
  private long last = -1;

  HostList(String tracking) {
    this.tracking = tracking;
  }

  /**
   * Adds a host.
   *
   * @param ip the address as an unsigned number, or null for a host name that did not resolve
   * @param hostName the name the scan target gave, or null
   */
  void add(Long ip, String hostName) {
    if (ip == null || (!"IP".equals(tracking) && hostName != null)) {
      if (hostName != null) {
        names.add(hostName);
      }
      return;
    }
    if ("IP".equals(tracking)) {
      addAddress(ip);
    } else if (unnamed.isEmpty() || unnamed.get(unnamed.size() - 1) != ip.longValue()) {
      unnamed.add(ip);
    }
  }

  private void addAddress(long ip) {
    if (first >= 0 && ip <= last) {
      // The same address twice, such as two host names resolving to one duplicate address.
      return;
    }
    if (first >= 0 && ip == last + 1) {
      last = ip;
      return;
    }
    appendRange();
    first = ip;
    last = ip;
  }

  private void appendRange() {
    if (first < 0) {
      return;
    }
    if (ranges.length() > 0) {
      ranges.append(", ");
    }
    ranges.append(IpRange.format(first));
    if (last > first) {
      ranges.append('-').append(IpRange.format(last));
    }
  }

  /** Returns one host as a list of {@code tracking} writes it: by name, or else by address. */
  static String entry(String tracking, Long ip, String hostName) {
    if (ip == null || (!"IP".equals(tracking) && hostName != null)) {
      return hostName == null ? "" : hostName;
    }
    return IpRange.format(ip);
  }

  /** Returns the hosts as one line of text. */
  String text() {
    appendRange();
    first = -1;
    String separator = "DNS".equals(tracking) ? " " : ", ";
    List<String> entries = new ArrayList<>();
    if (ranges.length() > 0) {
      entries.add(ranges.toString());
    }
    Collections.sort(names);
    String previous = null;
    for (String name : names) {
      if (!name.equals(previous)) {
        entries.add(name);
      }
      previous = name;
    }
    for (long ip : unnamed) {
      entries.add(IpRange.format(ip));
    }
    return String.join(separator, entries);
  }
}
