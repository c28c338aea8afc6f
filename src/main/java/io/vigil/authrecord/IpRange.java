package io.vigil.authrecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An inclusive range of IPv4 addresses, held as unsigned 32-bit numbers in {@code long}s so that
 * the database can compare them as BIGINT. A single address is a range whose start equals its end.
 */
public record IpRange(long start, long end) {
  private static final long MAX_ADDRESS = 0xFFFF_FFFFL;

  public IpRange {
    if (start < 0 || end > MAX_ADDRESS || start > end) {
      throw new IllegalArgumentException("Invalid IPv4 range: " + start + "-" + end);
    }
  }

  public static IpRange single(long address) {
    return new IpRange(address, address);
  }

  public boolean isSingle() {
    return start == end;
  }

  public boolean contains(long address) {
    return start <= address && address <= end;
  }

  public boolean overlaps(IpRange other) {
    return start <= other.end && other.start <= end;
  }

  /** Returns "10.0.0.1" for a single address, "10.0.0.1-10.0.0.9" for a range. */
  @Override
  public String toString() {
    return isSingle() ? format(start) : format(start) + "-" + format(end);
  }

  /**
   * Parses a comma-separated list of addresses and ranges, such as "10.0.0.1, 10.0.0.5-10.0.0.9",
   * into sorted ranges with overlapping and adjacent ones merged.
   *
   * @param parameter the API parameter, for the error
   * @throws InvalidRecordValueException when an entry is not an IPv4 address or range
   */
  public static List<IpRange> parseList(String parameter, String text) {
    List<IpRange> ranges = new ArrayList<>();
    for (String part : text.split(",")) {
      String entry = part.trim();
      if (entry.isEmpty()) {
        continue;
      }
      ranges.add(parse(parameter, entry));
    }
    if (ranges.isEmpty()) {
      throw new InvalidRecordValueException(
          parameter, text, "list one or more IPv4 addresses or ranges, such as 10.0.0.1-10.0.0.9");
    }
    return normalize(ranges);
  }

  private static IpRange parse(String parameter, String entry) {
    int dash = entry.indexOf('-');
    long start = parseAddress(parameter, dash < 0 ? entry : entry.substring(0, dash).trim());
    long end = dash < 0 ? start : parseAddress(parameter, entry.substring(dash + 1).trim());
    if (start > end) {
      throw new InvalidRecordValueException(
          parameter, entry, "the range starts after it ends; write the lower address first");
    }
    return new IpRange(start, end);
  }

  /**
   * Parses a dotted IPv4 address into its unsigned 32-bit number. Octets with leading zeros are
   * rejected, since some tools read them as octal.
   *
   * @throws InvalidRecordValueException naming {@code parameter} when the text is no address
   */
  public static long parseAddress(String parameter, String text) {
    String[] octets = text.split("\\.", -1);
    if (octets.length != 4) {
      throw notAnAddress(parameter, text);
    }
    long address = 0;
    for (String octet : octets) {
      if (octet.isEmpty() || octet.length() > 3 || !octet.chars().allMatch(Character::isDigit)
          || (octet.length() > 1 && octet.charAt(0) == '0')) {
        throw notAnAddress(parameter, text);
      }
      int value = Integer.parseInt(octet);
      if (value > 255) {
        throw notAnAddress(parameter, text);
      }
      address = (address << 8) | value;
    }
    return address;
  }

  private static InvalidRecordValueException notAnAddress(String parameter, String text) {
    return new InvalidRecordValueException(parameter, text, "not an IPv4 address: " + text);
  }

  public static String format(long address) {
    return ((address >> 24) & 0xFF) + "." + ((address >> 16) & 0xFF) + "." + ((address >> 8) & 0xFF)
        + "." + (address & 0xFF);
  }

  /** Sorts ranges and merges those that overlap or touch. */
  public static List<IpRange> normalize(List<IpRange> ranges) {
    List<IpRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingLong(IpRange::start));
    List<IpRange> merged = new ArrayList<>();
    for (IpRange range : sorted) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1).end() + 1 >= range.start()) {
        IpRange last = merged.remove(merged.size() - 1);
        merged.add(new IpRange(last.start(), Math.max(last.end(), range.end())));
      } else {
        merged.add(range);
      }
    }
    return merged;
  }

  /** Returns the addresses of {@code from} that no range of {@code removed} contains. */
  public static List<IpRange> subtract(List<IpRange> from, List<IpRange> removed) {
    List<IpRange> remaining = new ArrayList<>(normalize(from));
    for (IpRange cut : removed) {
      List<IpRange> next = new ArrayList<>();
      for (IpRange range : remaining) {
        if (!range.overlaps(cut)) {
          next.add(range);
          continue;
        }
        if (range.start() < cut.start()) {
          next.add(new IpRange(range.start(), cut.start() - 1));
        }
        if (range.end() > cut.end()) {
          next.add(new IpRange(cut.end() + 1, range.end()));
        }
      }
      remaining = next;
    }
    return remaining;
  }
}
