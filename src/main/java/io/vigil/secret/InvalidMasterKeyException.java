package io.vigil.secret;

import io.vigil.VigilException;

/**
 * Thrown when the master key is missing, malformed, or does not decrypt the stored secrets; Vigil
 * refuses to start rather than serve garbage.
 */
public final class InvalidMasterKeyException extends VigilException {
  public InvalidMasterKeyException(String message) {
    super(message);
  }
}
