package io.vigil.vault;

import java.util.List;

/** Tells which authentication records use a vault, so that a used vault is not deleted. */
@FunctionalInterface
public interface VaultUsage {
  /** Returns the ids of the records that use the vault, or an empty list. */
  List<Long> recordsUsing(long vaultId);

  VaultUsage NONE = vaultId -> List.of();
}
