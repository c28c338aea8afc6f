package io.vigil.db;

import io.vigil.VigilException;

/** Thrown when Vigil cannot open, migrate or reach its database. */
public final class DatabaseUnavailableException extends VigilException {
  public DatabaseUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
