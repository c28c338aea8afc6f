package io.vigil.account;

import io.vigil.VigilException;

/** Thrown when a login, name or other account value breaks its format rules. */
public final class InvalidAccountValueException extends VigilException {
  public InvalidAccountValueException(String message) {
    super(message);
  }
}
