package io.vigil.vault;

import io.vigil.VigilException;

/** Thrown when a vault setting has a value Vigil cannot use. */
public final class InvalidVaultSettingException extends VigilException {
  private final String name;
  private final String value;
  private final String reason;

  public InvalidVaultSettingException(String name, String value, String reason) {
    super("Invalid " + name + ": " + reason);
    this.name = name;
    this.value = value;
    this.reason = reason;
  }

  /** The API parameter that carried the value. */
  public String name() {
    return name;
  }

  /** The rejected value; empty for secrets, which are never repeated back. */
  public String value() {
    return value;
  }

  public String reason() {
    return reason;
  }
}
