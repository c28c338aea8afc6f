package io.vigil.scan.engine;

import io.vigil.VigilException;

/** A scan option, such as a port list or a timeout, has an invalid value. */
public class InvalidScanOptionException extends VigilException {
  private final String option;

  public InvalidScanOptionException(String option, String message) {
    super(message);
    this.option = option;
  }

  /** Returns the name of the invalid option, e.g. "tcpPorts". */
  public String option() {
    return option;
  }
}
