package io.vigil.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: columns as wide as their longest cell, two spaces apart. */
final class TextTable {
  private final List<String[]> rows = new ArrayList<>();
  private final int columns;

  TextTable(String... headers) {
    this.columns = headers.length;
    rows.add(headers);
  }

  TextTable row(String... cells) {
    if (cells.length != columns) {
      throw new IllegalArgumentException("Expected " + columns + " cells, got " + cells.length);
    }
    rows.add(cells);
    return this;
  }

  /** Prints the table; the last column is not padded, so lines have no trailing spaces. */
  void print(PrintWriter out) {
    int[] widths = new int[columns];
    for (String[] row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(row[i]);
        if (i < columns - 1) {
          line.append(" ".repeat(widths[i] - row[i].length() + 2));
        }
      }
      out.println(line.toString().stripTrailing());
    }
  }

  /** Returns {@code text} cut to {@code max} characters, ending in "..." when it was longer. */
  static String cut(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}
