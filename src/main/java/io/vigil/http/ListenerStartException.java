package io.vigil.http;

import io.vigil.VigilException;

/** Thrown when the HTTP listener cannot start: port in use, bad address or unusable keystore. */
public final class ListenerStartException extends VigilException {
  public ListenerStartException(String message, Throwable cause) {
    super(message, cause);
  }
}
