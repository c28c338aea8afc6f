package io.vigil.config;

import io.vigil.VigilException;

/** Thrown at start-up when a setting has a value Vigil cannot run with. */
public final class InvalidSettingsException extends VigilException {
  public InvalidSettingsException(String message) {
    super(message);
  }
}
