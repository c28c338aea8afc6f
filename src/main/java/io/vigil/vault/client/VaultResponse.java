package io.vigil.vault.client;

import java.util.Arrays;
import java.util.Locale;

/**
 * An HTTP response of a vault with its body as bytes, so that a body holding a secret can be wiped
 * once parsed.
 */
final class VaultResponse implements AutoCloseable {
  private final int status;
  private final String contentType;
  private final byte[] body;

  VaultResponse(int status, String contentType, byte[] body) {
    this.status = status;
    this.contentType = contentType == null ? "" : contentType;
    this.body = body == null ? new byte[0] : body;
  }

  int status() {
    return status;
  }

  String contentType() {
    return contentType;
  }

  byte[] body() {
    return body;
  }

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** Returns whether the body looks like an HTML page, as IIS and proxies send for errors. */
  boolean isHtml() {
    if (contentType.toLowerCase(Locale.ROOT).startsWith("text/html") && !looksLikeJson()) {
      return true;
    }
    int first = firstNonBlank();
    return first >= 0 && body[first] == '<';
  }

  /** Returns a description for messages: status, content type and size, never the content. */
  String describe() {
    String type = contentType.isEmpty() ? "no content type" : contentType;
    return "HTTP " + status + ", " + type + ", " + body.length + " bytes";
  }

  private boolean looksLikeJson() {
    int first = firstNonBlank();
    return first >= 0 && (body[first] == '{' || body[first] == '[' || body[first] == '"');
  }

  private int firstNonBlank() {
    for (int i = 0; i < body.length; i++) {
      if (!Character.isWhitespace(body[i])) {
        return i;
      }
    }
    return -1;
  }

  /** Overwrites the body with zeros. */
  @Override
  public void close() {
    Arrays.fill(body, (byte) 0);
  }
}
