package io.vigil.cli;

import io.vigil.VigilException;

/** An error that the Vigil API returned as a SIMPLE_RETURN with a CODE and a TEXT. */
final class ApiCallException extends VigilException {
  private final int code;
  private final String text;

  ApiCallException(int code, String text) {
    super(text + " (code " + code + ")");
    this.code = code;
    this.text = text;
  }

  int code() {
    return code;
  }

  String text() {
    return text;
  }
}
