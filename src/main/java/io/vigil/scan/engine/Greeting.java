package io.vigil.scan.engine;

import io.vigil.scan.OpenService;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Recognizes a service from the first bytes it sends: SSH, FTP, SMTP, POP3, IMAP and MySQL
 * speak before the client does.
 *
 * @param service the detected service name, or "unknown"
 * @param banner the greeting text, decoded, cleaned and capped
 */
record Greeting(String service, String banner) {
  private static final Set<Integer> SMTP_PORTS = Set.of(25, 465, 587, 2525);
  private static final Set<Integer> FTP_PORTS = Set.of(21, 990, 2121);
  private static final int MYSQL_HANDSHAKE_V10 = 10;
  private static final int MYSQL_ERROR_PACKET = 0xff;

  /** Returns whether a greeting read can stop: a full line or a full MySQL packet arrived. */
  static boolean isComplete(byte[] bytes) {
    for (byte b : bytes) {
      if (b == '\n') {
        return true;
      }
    }
    return mysqlPayloadLength(bytes) >= 0 && bytes.length >= 4 + mysqlPayloadLength(bytes);
  }

  /** Classifies a greeting, or returns null when the service sent nothing. */
  static Greeting classify(byte[] bytes, int port) {
    if (bytes.length == 0) {
      return null;
    }
    String mysql = mysqlBanner(bytes);
    if (mysql != null) {
      return new Greeting("mysql", mysql);
    }
    String text = BannerText.decode(bytes, BannerText.MAX_BANNER_CHARS);
    String firstLine = BannerText.firstLine(text);
    if (firstLine.startsWith("SSH-")) {
      // The key exchange may follow the identification string in the same read.
      return new Greeting("ssh", firstLine);
    }
    if (firstLine.startsWith("+OK")) {
      return new Greeting("pop3", text);
    }
    if (firstLine.startsWith("* OK") || firstLine.startsWith("* PREAUTH")
        || firstLine.startsWith("* BYE")) {
      return new Greeting("imap", text);
    }
    if (firstLine.startsWith("220")) {
      return new Greeting(classify220(text, port), text);
    }
    return new Greeting(OpenService.UNKNOWN, text);
  }

  /**
   * Tells SMTP from FTP, which both greet with code 220: by name in the greeting, else by port.
   */
  private static String classify220(String text, int port) {
    String upper = text.toUpperCase(Locale.ROOT);
    if (upper.contains("SMTP")) {
      return "smtp";
    }
    if (upper.contains("FTP")) {
      return "ftp";
    }
    if (SMTP_PORTS.contains(port)) {
      return "smtp";
    }
    if (FTP_PORTS.contains(port)) {
      return "ftp";
    }
    return OpenService.UNKNOWN;
  }

  /**
   * Returns the server version of a MySQL initial handshake packet, or the message of a MySQL
   * error packet (sent to clients the server rejects), or null for anything else. A packet is a
   * 3-byte little-endian payload length, a sequence number 0, then the payload: protocol version
   * 10 and a NUL-terminated version string, or 0xff, a 2-byte error code and the message.
   */
  private static String mysqlBanner(byte[] bytes) {
    int length = mysqlPayloadLength(bytes);
    if (length < 0 || bytes.length < 4 + length) {
      return null;
    }
    int kind = bytes[4] & 0xff;
    if (kind == MYSQL_HANDSHAKE_V10) {
      int end = 5;
      while (end < 4 + length && bytes[end] != 0) {
        end++;
      }
      if (end == 5 || end == 4 + length || !isPrintableAscii(bytes, 5, end)) {
        return null;
      }
      return new String(bytes, 5, end - 5, StandardCharsets.US_ASCII);
    }
    if (kind == MYSQL_ERROR_PACKET && length > 3) {
      return BannerText.decode(bytes, 7, length - 3, BannerText.MAX_BANNER_CHARS);
    }
    return null;
  }

  /** Returns the payload length of a plausible MySQL first packet, or -1. */
  private static int mysqlPayloadLength(byte[] bytes) {
    if (bytes.length < 5 || bytes[3] != 0) {
      return -1;
    }
    int length = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8 | (bytes[2] & 0xff) << 16;
    return length >= 1 && length <= 1024 ? length : -1;
  }

  private static boolean isPrintableAscii(byte[] bytes, int from, int to) {
    for (int i = from; i < to; i++) {
      if (bytes[i] < 0x20 || bytes[i] > 0x7e) {
        return false;
      }
    }
    return true;
  }
}
