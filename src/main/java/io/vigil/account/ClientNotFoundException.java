package io.vigil.account;

import io.vigil.VigilException;

/** Thrown when a {@code client_id} or {@code client_name} matches no client. */
public final class ClientNotFoundException extends VigilException {
  public ClientNotFoundException(String message) {
    super(message);
  }
}
