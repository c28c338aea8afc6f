package io.vigil.cli;

import io.vigil.VigilException;

/** A request that got no HTTP response: the server is down, unknown or too slow. */
final class ServerUnreachableException extends VigilException {
  ServerUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
