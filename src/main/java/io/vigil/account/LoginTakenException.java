package io.vigil.account;

import io.vigil.VigilException;

/** Thrown when a new user would get a login that another user already has. */
public final class LoginTakenException extends VigilException {
  public LoginTakenException(String login) {
    super("Login already exists: " + login);
  }
}
