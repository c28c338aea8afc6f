package io.vigil.scan;

import io.vigil.net.IpRange;
import io.vigil.scan.ScanSummarySink.HostEvidence;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
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
  private final List<HostEvidence> addressEvidence = new ArrayList<>();
  private final List<HostEvidence> nameEvidence = new ArrayList<>();
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
    add(ip, hostName, null);
  }

  /**
   * Adds a host with its evidence, which {@link #evidence()} returns in the order of the text.
   *
   * @param evidence the host's evidence, or null to list the host without it
   */
  void add(Long ip, String hostName, String evidence) {
    if (ip == null || (!"IP".equals(tracking) && hostName != null)) {
      if (hostName != null) {
        names.add(hostName);
        if (evidence != null) {
          nameEvidence.add(new HostEvidence(hostName, evidence));
        }
      }
      return;
    }
    if (evidence != null) {
      addressEvidence.add(new HostEvidence(IpRange.format(ip), evidence));
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

  /**
   * Returns the evidence of the hosts added with it, one entry per host, in the order of
   * {@link #text()}: under IP tracking addresses and then names, else names and then the hosts
   * listed by address. Names are sorted.
   */
  List<HostEvidence> evidence() {
    List<HostEvidence> sortedNames = new ArrayList<>(nameEvidence);
    sortedNames.sort(Comparator.comparing(HostEvidence::host));
    List<HostEvidence> ordered = new ArrayList<>();
    if ("IP".equals(tracking)) {
      ordered.addAll(addressEvidence);
      ordered.addAll(sortedNames);
    } else {
      ordered.addAll(sortedNames);
      ordered.addAll(addressEvidence);
    }
    return mergeRepeats(ordered);
  }

  /**
   * Joins the evidence of a host listed more than once, such as an address that two duplicate
   * names resolve to, so that there is one entry per host of the list. Repeats are adjacent
   * because the entries are ordered.
   */
  private static List<HostEvidence> mergeRepeats(List<HostEvidence> ordered) {
    List<HostEvidence> merged = new ArrayList<>();
    for (HostEvidence entry : ordered) {
      int last = merged.size() - 1;
      if (last >= 0 && merged.get(last).host().equals(entry.host())) {
        HostEvidence previous = merged.get(last);
        merged.set(last, new HostEvidence(entry.host(),
            previous.evidence() + "; " + entry.evidence()));
      } else {
        merged.add(entry);
      }
    }
    return merged;
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
