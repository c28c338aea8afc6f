package io.vigil.scan;

import io.vigil.VigilException;

/**
 * A scan or option profile request names something that does not exist or is not allowed, such
 * as an unknown scan reference, a scan in the wrong state or an invalid port list. The API
 * reports it as an invalid value of {@link #parameter()}.
 */
public final class InvalidScanParameterException extends VigilException {
  private final String parameter;
  private final String value;
  private final String reason;

  public InvalidScanParameterException(String parameter, String value, String reason) {
    super("parameter " + parameter + " has invalid value: " + value + " (" + reason + ")");
    this.parameter = parameter;
    this.value = value;
    this.reason = reason;
  }

  public String parameter() {
    return parameter;
  }

  public String value() {
    return value;
  }

  public String reason() {
    return reason;
  }
}
