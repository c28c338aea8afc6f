package io.vigil.vault;

import io.vigil.InvalidValueException;

/** Thrown when a vault setting has a value Vigil cannot use. */
public final class InvalidVaultSettingException extends InvalidValueException {
  public InvalidVaultSettingException(String name, String value, String reason) {
    super(name, value, reason);
  }
}
