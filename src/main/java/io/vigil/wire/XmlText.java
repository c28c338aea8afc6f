package io.vigil.wire;

/** Makes arbitrary text safe to place in an XML 1.0 document. */
public final class XmlText {
  /** Stands in for every character that XML 1.0 does not allow. */
  public static final char REPLACEMENT = '\uFFFD';

  private XmlText() {}

  /**
   * Replaces every character outside the XML 1.0 {@code Char} production (control bytes other than
   * tab, newline and carriage return, lone surrogates, U+FFFE and U+FFFF) with U+FFFD.
   */
  public static String clean(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder cleaned = null;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      boolean valid;
      int width = 1;
      if (Character.isHighSurrogate(c)) {
        valid = i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1));
        width = valid ? 2 : 1;
      } else {
        valid = isAllowed(c);
      }
      if (!valid && cleaned == null) {
        cleaned = new StringBuilder(length);
        cleaned.append(text, 0, i);
      }
      if (cleaned != null) {
        if (valid) {
          cleaned.append(text, i, i + width);
        } else {
          cleaned.append(REPLACEMENT);
        }
      }
      i += width - 1;
    }
    return cleaned == null ? text : cleaned.toString();
  }

  private static boolean isAllowed(char c) {
    if (c >= 0x20) {
      return !Character.isLowSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
    }
    return c == '\t' || c == '\n' || c == '\r';
  }
}
