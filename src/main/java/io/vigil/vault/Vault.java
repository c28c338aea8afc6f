package io.vigil.vault;

import java.time.Instant;
import java.util.Map;

/**
 * A credential vault: where scans fetch passwords from. The secret settings are not part of this
 * record; {@link VaultService#secrets} opens them for the vault clients only.
 *
 * @param settings non-secret type-specific settings by API parameter name
 * @param secretNames names of the secret settings that are set, such as "password"
 */
public record Vault(
    long id,
    long subscriptionId,
    String title,
    VaultType type,
    String comments,
    Map<String, String> settings,
    java.util.Set<String> secretNames,
    Instant createdAt,
    String createdBy,
    Instant modifiedAt,
    String modifiedBy) {

  public String setting(String name) {
    return settings.getOrDefault(name, "");
  }
}
