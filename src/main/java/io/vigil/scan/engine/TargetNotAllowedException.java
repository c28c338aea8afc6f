package io.vigil.scan.engine;

import io.vigil.VigilException;

/** The engine rejected a target address before sending it any traffic. */
public class TargetNotAllowedException extends VigilException {
  private final String address;

  public TargetNotAllowedException(String address, String message) {
    super(message);
    this.address = address;
  }

  public String address() {
    return address;
  }
}
