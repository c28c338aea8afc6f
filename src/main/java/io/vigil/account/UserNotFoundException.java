package io.vigil.account;

import io.vigil.VigilException;

/** Thrown when no user has the given login. */
public final class UserNotFoundException extends VigilException {
  private final String login;

  public UserNotFoundException(String login) {
    super("User not found: " + login);
    this.login = login;
  }

  public String login() {
    return login;
  }
}
