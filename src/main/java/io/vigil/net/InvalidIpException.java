package io.vigil.net;

import io.vigil.VigilException;

/** Thrown when an IP address or range does not parse. */
public final class InvalidIpException extends VigilException {
  private final String value;
  private final String reason;

  public InvalidIpException(String value, String reason) {
    super("Invalid IP " + value + ": " + reason);
    this.value = value;
    this.reason = reason;
  }

  public String value() {
    return value;
  }

  public String reason() {
    return reason;
  }
}
