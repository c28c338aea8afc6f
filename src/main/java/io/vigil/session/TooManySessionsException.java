package io.vigil.session;

import io.vigil.VigilException;

/** Thrown when a user who holds the maximum of open sessions logs in again. */
public final class TooManySessionsException extends VigilException {
  public TooManySessionsException(String login, int max) {
    super("Too many concurrent login(s): user " + login + " already has " + max
        + " open sessions. Log out of one (action=logout) or wait for it to expire.");
  }
}
