package io.vigil.vault;

import io.vigil.VigilException;

/** Thrown when no vault of the subscription has the given id. */
public final class VaultNotFoundException extends VigilException {
  private final long vaultId;

  public VaultNotFoundException(long vaultId) {
    super("No vault has id " + vaultId);
    this.vaultId = vaultId;
  }

  public long vaultId() {
    return vaultId;
  }
}
