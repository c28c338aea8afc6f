package io.vigil.vault;

import io.vigil.VigilException;

/** Thrown when a vault would get a title that another vault of the subscription has. */
public final class VaultTitleTakenException extends VigilException {
  public VaultTitleTakenException(String title) {
    super("A vault with title '" + title + "' already exists.");
  }
}
