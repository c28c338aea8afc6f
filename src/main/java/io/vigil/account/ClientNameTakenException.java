package io.vigil.account;

import io.vigil.VigilException;

/** Thrown when a client would get a name that another client of the subscription has. */
public final class ClientNameTakenException extends VigilException {
  public ClientNameTakenException(String name) {
    super("Client already exists: " + name);
  }
}
