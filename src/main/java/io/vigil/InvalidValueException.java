package io.vigil;

/**
 * Thrown when a service rejects the value of one API parameter. The API reports it as code 1905,
 * "parameter NAME has invalid value: VALUE (REASON)".
 */
public class InvalidValueException extends VigilException {
  private final String name;
  private final String value;
  private final String reason;

  /**
   * @param name the API parameter that carried the value
   * @param value the rejected value, or "" for a secret, which no message repeats
   * @param reason why the value is rejected and what to do instead
   */
  public InvalidValueException(String name, String value, String reason) {
    super("Invalid " + name + ": " + reason);
    this.name = name;
    this.value = value;
    this.reason = reason;
  }

  public String name() {
    return name;
  }

  public String value() {
    return value;
  }

  public String reason() {
    return reason;
  }
}
