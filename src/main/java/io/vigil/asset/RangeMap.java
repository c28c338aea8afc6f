package io.vigil.asset;

import io.vigil.net.IpRange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A value per IPv4 address, stored as sorted, disjoint segments. Neighbouring segments with equal
 * values are merged, so the segment count stays as small as the stored data allows. Instances are
 * immutable; every change returns a new map.
 *
 * @param <T> the value type, compared with {@code equals}
 */
public final class RangeMap<T> {
  private final List<Segment<T>> segments;

  private RangeMap(List<Segment<T>> segments) {
    this.segments = List.copyOf(segments);
  }

  public static <T> RangeMap<T> empty() {
    return new RangeMap<>(List.of());
  }

  /**
   * Builds a map from segments that must not overlap, in any order.
   *
   * @throws IllegalArgumentException when two segments overlap
   */
  public static <T> RangeMap<T> of(List<Segment<T>> segments) {
    List<Segment<T>> sorted = new ArrayList<>(segments);
    sorted.sort(Comparator.comparingLong(segment -> segment.range().first()));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i - 1).range().overlaps(sorted.get(i).range())) {
        throw new IllegalArgumentException(
            "Overlapping segments " + sorted.get(i - 1).range() + " and " + sorted.get(i).range());
      }
    }
    return new RangeMap<>(normalize(sorted));
  }

  public List<Segment<T>> segments() {
    return segments;
  }

  public boolean isEmpty() {
    return segments.isEmpty();
  }

  /** Returns every address that has a value, merged regardless of the values. */
  public List<IpRange> ranges() {
    List<IpRange> ranges = new ArrayList<>();
    for (Segment<T> segment : segments) {
      ranges.add(segment.range());
    }
    return IpRange.merge(ranges);
  }

  /** Returns the value at an address, or null when it has none. */
  public T valueAt(long address) {
    for (Segment<T> segment : segments) {
      if (segment.range().contains(address)) {
        return segment.value();
      }
      if (segment.range().first() > address) {
        break;
      }
    }
    return null;
  }

  /**
   * Changes the value of every address in {@code targets}.
   *
   * @param change applied to the current value of addresses that have one
   * @param valueForNew given to addresses of {@code targets} without a value, or null to leave them
   *     without one
   */
  public RangeMap<T> update(List<IpRange> targets, UnaryOperator<T> change, T valueForNew) {
    List<IpRange> merged = IpRange.merge(targets);
    List<Segment<T>> result = new ArrayList<>();
    for (Segment<T> segment : segments) {
      List<IpRange> own = List.of(segment.range());
      for (IpRange outside : IpSets.subtract(own, merged)) {
        result.add(new Segment<>(outside, segment.value()));
      }
      for (IpRange inside : IpSets.intersect(own, merged)) {
        result.add(new Segment<>(inside, change.apply(segment.value())));
      }
    }
    if (valueForNew != null) {
      for (IpRange gap : IpSets.subtract(merged, ranges())) {
        result.add(new Segment<>(gap, valueForNew));
      }
    }
    return of(result);
  }

  /** Removes the values of every address in {@code targets}. */
  public RangeMap<T> remove(List<IpRange> targets) {
    List<Segment<T>> result = new ArrayList<>();
    for (Segment<T> segment : segments) {
      for (IpRange kept : IpSets.subtract(List.of(segment.range()), targets)) {
        result.add(new Segment<>(kept, segment.value()));
      }
    }
    return of(result);
  }

  /** Keeps only the addresses in {@code targets}. */
  public RangeMap<T> restrictTo(List<IpRange> targets) {
    List<Segment<T>> result = new ArrayList<>();
    for (Segment<T> segment : segments) {
      for (IpRange kept : IpSets.intersect(List.of(segment.range()), targets)) {
        result.add(new Segment<>(kept, segment.value()));
      }
    }
    return of(result);
  }

  /** Keeps only the segments whose value matches. */
  public RangeMap<T> filter(Predicate<T> keep) {
    return of(segments.stream().filter(segment -> keep.test(segment.value())).toList());
  }

  private static <T> List<Segment<T>> normalize(List<Segment<T>> sorted) {
    List<Segment<T>> merged = new ArrayList<>();
    for (Segment<T> segment : sorted) {
      if (!merged.isEmpty()) {
        Segment<T> previous = merged.get(merged.size() - 1);
        boolean adjacent = previous.range().last() + 1 == segment.range().first();
        if (adjacent && previous.value().equals(segment.value())) {
          merged.set(
              merged.size() - 1,
              new Segment<>(
                  new IpRange(previous.range().first(), segment.range().last()), segment.value()));
          continue;
        }
      }
      merged.add(segment);
    }
    return merged;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RangeMap<?> map && map.segments.equals(segments);
  }

  @Override
  public int hashCode() {
    return segments.hashCode();
  }
}
