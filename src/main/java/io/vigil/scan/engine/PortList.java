package io.vigil.scan.engine;

import java.util.Arrays;
import java.util.BitSet;

/** An immutable, sorted set of TCP port numbers from 1 to 65535. */
public final class PortList {
  public static final int MIN_PORT = 1;
  public static final int MAX_PORT = 65535;

  private static final PortList FULL = range(MIN_PORT, MAX_PORT);

  private final int[] ports;

  private PortList(int[] ports) {
    this.ports = ports;
  }

  /**
   * Returns Vigil's standard list: about 140 TCP ports of common services (remote access, mail,
   * web, databases, directories, file sharing, message brokers, management consoles). See
   * docs/scan-qids.md for the list.
   */
  public static PortList standard() {
    return of(WellKnownPorts.standardPorts());
  }

  /** Returns every port from 1 to 65535. */
  public static PortList full() {
    return FULL;
  }

  /**
   * Parses a list of ports and ranges such as "22,80,8000-8100". Spaces around items are
   * ignored, and duplicates and overlapping ranges are merged.
   *
   * @throws InvalidScanOptionException when an item is not a port or range in 1-65535
   */
  public static PortList parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid(text, "the list is empty");
    }
    BitSet set = new BitSet(MAX_PORT + 1);
    for (String item : text.split(",", -1)) {
      String trimmed = item.strip();
      int dash = trimmed.indexOf('-');
      if (dash < 0) {
        set.set(parsePort(text, trimmed));
        continue;
      }
      int low = parsePort(text, trimmed.substring(0, dash).strip());
      int high = parsePort(text, trimmed.substring(dash + 1).strip());
      if (low > high) {
        throw invalid(text, "range \"" + trimmed + "\" ends before it starts");
      }
      set.set(low, high + 1);
    }
    return new PortList(set.stream().toArray());
  }

  /** Returns the given ports, sorted and without duplicates. */
  public static PortList of(int... ports) {
    for (int port : ports) {
      if (port < MIN_PORT || port > MAX_PORT) {
        throw new InvalidScanOptionException(
            "ports", "port " + port + " is outside 1-65535");
      }
    }
    return new PortList(Arrays.stream(ports).sorted().distinct().toArray());
  }

  private static PortList range(int low, int high) {
    int[] ports = new int[high - low + 1];
    Arrays.setAll(ports, i -> low + i);
    return new PortList(ports);
  }

  private static int parsePort(String list, String item) {
    if (item.isEmpty() || item.length() > 5 || !item.chars().allMatch(Character::isDigit)) {
      throw invalid(list, "\"" + item + "\" is not a port number (1-65535)");
    }
    int port = Integer.parseInt(item);
    if (port < MIN_PORT || port > MAX_PORT) {
      throw invalid(list, port + " is outside 1-65535");
    }
    return port;
  }

  private static InvalidScanOptionException invalid(String list, String reason) {
    return new InvalidScanOptionException(
        "ports",
        "invalid port list \"" + list + "\": " + reason
            + ". Use numbers and ranges such as 22,80,8000-8100.");
  }

  /** Returns a copy of the ports in ascending order. */
  public int[] toArray() {
    return ports.clone();
  }

  public int size() {
    return ports.length;
  }

  public boolean contains(int port) {
    return Arrays.binarySearch(ports, port) >= 0;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PortList list && Arrays.equals(ports, list.ports);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ports);
  }

  /** Returns the ports in the form that {@link #parse} reads, with ranges collapsed. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    int i = 0;
    while (i < ports.length) {
      int end = i;
      while (end + 1 < ports.length && ports[end + 1] == ports[end] + 1) {
        end++;
      }
      if (text.length() > 0) {
        text.append(',');
      }
      text.append(ports[i]);
      if (end > i) {
        text.append('-').append(ports[end]);
      }
      i = end + 1;
    }
    return text.toString();
  }
}
