package io.vigil.authrecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ids} parameter: record ids and id ranges, such as "12,15-20".
 *
 * @param ids single ids
 * @param ranges inclusive ranges, each as {start, end}
 */
public record IdSelection(List<Long> ids, List<long[]> ranges) {
  /** Most ids and ranges one call may list, which keeps the SQL of a call bounded. */
  public static final int MAX_ENTRIES = 1000;

  /**
   * Parses a comma-separated list of ids and ranges.
   *
   * @throws InvalidRecordValueException naming {@code parameter} when an entry is invalid
   */
  public static IdSelection parse(String parameter, String text) {
    List<Long> ids = new ArrayList<>();
    List<long[]> ranges = new ArrayList<>();
    for (String part : text.split(",")) {
      String entry = part.trim();
      if (entry.isEmpty()) {
        continue;
      }
      int dash = entry.indexOf('-');
      if (dash < 0) {
        ids.add(positive(parameter, entry, entry));
      } else {
        long start = positive(parameter, entry.substring(0, dash).trim(), entry);
        long end = positive(parameter, entry.substring(dash + 1).trim(), entry);
        if (start > end) {
          throw new InvalidRecordValueException(
              parameter, text, "the range " + entry + " starts after it ends");
        }
        ranges.add(new long[] {start, end});
      }
    }
    if (ids.isEmpty() && ranges.isEmpty()) {
      throw new InvalidRecordValueException(parameter, text, "list one or more ids or ranges");
    }
    if (ids.size() + ranges.size() > MAX_ENTRIES) {
      throw new InvalidRecordValueException(
          parameter, ids.size() + ranges.size() + " entries",
          "list at most " + MAX_ENTRIES + " ids and ranges; use a range such as 1-5000");
    }
    return new IdSelection(List.copyOf(ids), List.copyOf(ranges));
  }

  private static long positive(String parameter, String text, String entry) {
    try {
      long id = Long.parseLong(text);
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidRecordValueException(
        parameter, entry, "neither a positive integer nor a range: " + entry);
  }
}
