package io.vigil.asset;

import io.vigil.net.IpRange;
import java.util.ArrayList;
import java.util.List;

/** Set operations on lists of IPv4 ranges; every result is merged and sorted. */
public final class IpSets {
  private IpSets() {}

  /** Returns the addresses that are in both {@code a} and {@code b}. */
  public static List<IpRange> intersect(List<IpRange> a, List<IpRange> b) {
    List<IpRange> left = IpRange.merge(a);
    List<IpRange> right = IpRange.merge(b);
    List<IpRange> result = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < left.size() && j < right.size()) {
      IpRange x = left.get(i);
      IpRange y = right.get(j);
      long first = Math.max(x.first(), y.first());
      long last = Math.min(x.last(), y.last());
      if (first <= last) {
        result.add(new IpRange(first, last));
      }
      if (x.last() < y.last()) {
        i++;
      } else {
        j++;
      }
    }
    return result;
  }

  /** Returns the addresses of {@code from} that are not in {@code remove}. */
  public static List<IpRange> subtract(List<IpRange> from, List<IpRange> remove) {
    List<IpRange> removed = IpRange.merge(remove);
    List<IpRange> result = new ArrayList<>();
    for (IpRange range : IpRange.merge(from)) {
      long next = range.first();
      for (IpRange cut : removed) {
        if (cut.last() < next || cut.first() > range.last()) {
          continue;
        }
        if (cut.first() > next) {
          result.add(new IpRange(next, cut.first() - 1));
        }
        next = cut.last() + 1;
        if (next > range.last()) {
          break;
        }
      }
      if (next <= range.last()) {
        result.add(new IpRange(next, range.last()));
      }
    }
    return result;
  }

  /** Returns true when every address of {@code inner} is in {@code outer}. */
  public static boolean containsAll(List<IpRange> outer, List<IpRange> inner) {
    return subtract(inner, outer).isEmpty();
  }

  /** Formats ranges as the API writes them in a parameter: "10.0.0.1,10.0.0.5-10.0.0.9". */
  public static String format(List<IpRange> ranges) {
    List<String> parts = new ArrayList<>();
    for (IpRange range : ranges) {
      parts.add(range.toString());
    }
    return String.join(",", parts);
  }
}
