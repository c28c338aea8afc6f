package io.vigil.vault.client;

/**
 * The error code and message a vault put in an error response, each null when absent.
 *
 * @param code such as APPAP004E, PASWS013E or NOT_AUTHORIZED
 * @param message the vault's text, shortened for exception messages
 */
record VendorError(String code, String message) {
  static final VendorError NONE = new VendorError(null, null);

  private static final int MAX_MESSAGE_LENGTH = 300;

  VendorError {
    if (message != null) {
      message = message.replaceAll("\\p{Cntrl}+", " ").strip();
      if (message.endsWith(".")) {
        message = message.substring(0, message.length() - 1);
      }
      if (message.length() > MAX_MESSAGE_LENGTH) {
        message = message.substring(0, MAX_MESSAGE_LENGTH) + "...";
      }
    }
  }

  boolean hasCode(String... codes) {
    for (String candidate : codes) {
      if (candidate.equalsIgnoreCase(code)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the text to append to a problem: ": <message> (<code>)", leaving out what is absent.
   */
  String suffix() {
    String text = message == null || message.isEmpty() ? "" : ": " + message;
    return code == null ? text : text + " (" + code + ")";
  }
}
