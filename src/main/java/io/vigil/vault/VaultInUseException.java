package io.vigil.vault;

import io.vigil.VigilException;
import java.util.List;

/** Thrown when a vault that authentication records use is deleted. */
public final class VaultInUseException extends VigilException {
  public VaultInUseException(long vaultId, List<Long> recordIds) {
    super("Vault " + vaultId + " is used by authentication record(s) "
        + String.join(", ", recordIds.stream().map(String::valueOf).toList())
        + ". Change or delete those records first.");
  }
}
