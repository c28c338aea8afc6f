package io.vigil.authrecord;

import io.vigil.VigilException;

/** Thrown when a parameter of an authentication record has a value Vigil cannot accept. */
public final class InvalidRecordValueException extends VigilException {
  private final String name;
  private final String value;
  private final String reason;

  /**
   * @param name the API parameter that carried the value
   * @param value the rejected value; empty for secrets, which are never repeated back
   * @param reason why the value is rejected and what to do instead
   */
  public InvalidRecordValueException(String name, String value, String reason) {
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
