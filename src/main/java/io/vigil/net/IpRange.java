package io.vigil.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * An inclusive range of IPv4 addresses, stored as unsigned 32-bit numbers so that storage and
 * overlap checks are plain integer comparisons. The API writes a range as "10.0.0.1-10.0.0.9" and
 * a single address as "10.0.0.1"; {@link #parse} also reads CIDR blocks such as "10.0.0.0/8".
 *
 * <p>NOTE: IPv6 targets are not supported yet; they fail to parse with a clear message.
 */
public record IpRange(long first, long last) {

  public IpRange {
    if (first < 0 || last > 0xFFFF_FFFFL || first > last) {
      throw new IllegalArgumentException("Invalid IPv4 range " + first + "-" + last);
    }
  }

  public static IpRange single(long address) {
    return new IpRange(address, address);
  }

  /**
   * Parses one address or range, such as "10.0.0.1" or "10.0.0.1-10.0.0.9".
   *
   * @throws InvalidIpException naming the value and what is wrong with it
   */
  public static IpRange parse(String text) {
    String value = text.trim();
    int slash = value.indexOf('/');
    if (slash >= 0) {
      return parseCidr(text, value.substring(0, slash).trim(), value.substring(slash + 1).trim());
    }
    int dash = value.indexOf('-');
    if (dash < 0) {
      return single(toNumber(value));
    }
    long first = toNumber(value.substring(0, dash).trim());
    long last = toNumber(value.substring(dash + 1).trim());
    if (first > last) {
      throw new InvalidIpException(text, "the range starts after it ends");
    }
    return new IpRange(first, last);
  }

  private static IpRange parseCidr(String text, String address, String prefixText) {
    int prefix;
    try {
      prefix = Integer.parseInt(prefixText);
    } catch (NumberFormatException e) {
      throw new InvalidIpException(text, "the prefix length is not a number");
    }
    if (prefix < 0 || prefix > 32) {
      throw new InvalidIpException(text, "the prefix length must be 0 to 32");
    }
    long size = 1L << (32 - prefix);
    long first = toNumber(address) & ~(size - 1) & 0xFFFF_FFFFL;
    return new IpRange(first, first + size - 1);
  }

  /** Parses a comma-separated list of addresses and ranges, ignoring spaces around items. */
  public static List<IpRange> parseList(String text) {
    List<IpRange> ranges = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        ranges.add(parse(item));
      }
    }
    if (ranges.isEmpty()) {
      throw new InvalidIpException(text, "no IP address given");
    }
    return ranges;
  }

  /** Merges overlapping and adjacent ranges into a sorted list of disjoint ranges. */
  public static List<IpRange> merge(List<IpRange> ranges) {
    List<IpRange> sorted = new ArrayList<>(ranges);
    sorted.sort(Comparator.comparingLong(IpRange::first));
    List<IpRange> merged = new ArrayList<>();
    for (IpRange range : sorted) {
      if (!merged.isEmpty() && merged.get(merged.size() - 1).last() + 1 >= range.first()) {
        IpRange previous = merged.remove(merged.size() - 1);
        merged.add(new IpRange(previous.first(), Math.max(previous.last(), range.last())));
      } else {
        merged.add(range);
      }
    }
    return merged;
  }

  public boolean contains(long address) {
    return address >= first && address <= last;
  }

  public boolean overlaps(IpRange other) {
    return first <= other.last && other.first <= last;
  }

  public long size() {
    return last - first + 1;
  }

  /** Returns "10.0.0.1" for a single address, else "10.0.0.1-10.0.0.9". */
  @Override
  public String toString() {
    return first == last ? format(first) : format(first) + "-" + format(last);
  }

  public static long toNumber(String dotted) {
    String[] parts = dotted.split("\\.", -1);
    if (parts.length != 4) {
      throw new InvalidIpException(dotted, "not an IPv4 address");
    }
    long number = 0;
    for (String part : parts) {
      if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)) {
        throw new InvalidIpException(dotted, "not an IPv4 address");
      }
      if (part.length() > 1 && part.charAt(0) == '0') {
        // Some tools read such an octet as octal, so 10.0.0.010 could mean 10.0.0.8.
        throw new InvalidIpException(dotted, "octet " + part + " has a leading zero");
      }
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        throw new InvalidIpException(dotted, "octet " + octet + " is over 255");
      }
      number = number << 8 | octet;
    }
    return number;
  }

  public static long toNumber(InetAddress address) {
    if (!(address instanceof Inet4Address)) {
      throw new InvalidIpException(address.getHostAddress(), "not an IPv4 address");
    }
    byte[] bytes = address.getAddress();
    return (bytes[0] & 0xFFL) << 24 | (bytes[1] & 0xFFL) << 16 | (bytes[2] & 0xFFL) << 8
        | bytes[3] & 0xFFL;
  }

  public static String format(long address) {
    return (address >>> 24 & 0xFF) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF)
        + "." + (address & 0xFF);
  }

  public static InetAddress toInetAddress(long address) {
    byte[] bytes = {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException("Four bytes always form an IPv4 address", e);
    }
  }
}
