package io.vigil.scan.engine;

import io.vigil.wire.XmlText;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Turns bytes from a scanned service into text that is safe to store and to write as XML. */
final class BannerText {
  /** Maximum length of a stored banner, in characters. */
  static final int MAX_BANNER_CHARS = 1024;

  private BannerText() {}

  /**
   * Decodes bytes as UTF-8, with U+FFFD for malformed sequences, replaces the characters XML 1.0
   * forbids with U+FFFD, strips trailing white space and caps the result at {@code maxChars}.
   */
  static String decode(byte[] bytes, int offset, int length, int maxChars) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    String text;
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, length));
      text = chars.toString();
    } catch (CharacterCodingException e) {
      // The decoder replaces malformed input instead of throwing, so this line cannot run.
      throw new IllegalStateException(e);
    }
    return cap(XmlText.clean(text).stripTrailing(), maxChars);
  }

  static String decode(byte[] bytes, int maxChars) {
    return decode(bytes, 0, bytes.length, maxChars);
  }

  /** Returns the text before the first line break. */
  static String firstLine(String text) {
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return text.substring(0, end);
  }

  /** Cuts text to at most {@code maxChars} characters without splitting a surrogate pair. */
  static String cap(String text, int maxChars) {
    if (text.length() <= maxChars) {
      return text;
    }
    int end = maxChars;
    if (Character.isLowSurrogate(text.charAt(end))
        && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(0, end);
  }
}
