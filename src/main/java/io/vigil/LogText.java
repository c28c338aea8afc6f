package io.vigil;

/** Makes text from a client safe to put in a log line. */
public final class LogText {
  /** Characters of one value kept in a log line; the rest is cut. */
  static final int MAX_LENGTH = 100;

  private LogText() {}

  /**
   * Escapes control characters as \\uXXXX, so a value cannot forge log lines or send terminal
   * escapes, and cuts it to {@value #MAX_LENGTH} characters, marking the cut with "...".
   */
  public static String safe(String value) {
    if (value == null) {
      return "null";
    }
    StringBuilder safe = new StringBuilder();
    int end = Math.min(value.length(), MAX_LENGTH);
    for (int i = 0; i < end; i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c)) {
        safe.append(String.format("\\u%04x", (int) c));
      } else {
        safe.append(c);
      }
    }
    if (value.length() > MAX_LENGTH) {
      safe.append("...");
    }
    return safe.toString();
  }
}
