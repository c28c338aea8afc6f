package io.vigil.authrecord;

import io.vigil.InvalidValueException;

/** Thrown when a parameter of an authentication record has a value Vigil cannot accept. */
public final class InvalidRecordValueException extends InvalidValueException {
  public InvalidRecordValueException(String name, String value, String reason) {
    super(name, value, reason);
  }
}
