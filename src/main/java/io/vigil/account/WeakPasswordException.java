package io.vigil.account;

import io.vigil.VigilException;

/** Thrown when a new password does not meet the length rules. */
public final class WeakPasswordException extends VigilException {
  public WeakPasswordException(String message) {
    super(message);
  }
}
