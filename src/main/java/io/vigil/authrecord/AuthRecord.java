package io.vigil.authrecord;

import io.vigil.vault.VaultType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An authentication record: the credentials a scan uses to log in to the hosts of its IP list.
 * Secrets are not part of this record; {@link AuthRecordService#secrets} opens them for the scan
 * engine only.
 *
 * @param vault the vault the password comes from, or null for a basic login
 * @param settings technology and vault settings by API parameter name, such as "ntlmv2" or
 *     "target_name"; flags are "0" or "1"
 * @param secretNames names of the secrets that are set, such as "password"
 * @param ips sorted, merged ranges
 * @param privateKeys Unix private keys in the order they were given; empty for Windows
 */
public record AuthRecord(
    long id,
    long subscriptionId,
    Technology technology,
    String title,
    String username,
    LoginType loginType,
    VaultReference vault,
    Map<String, String> settings,
    Set<String> secretNames,
    List<IpRange> ips,
    List<PrivateKeyCertificate> privateKeys,
    String comments,
    Instant createdAt,
    String createdBy,
    Instant modifiedAt,
    String modifiedBy) {

  /** Returns a setting, or "" when it is not set. */
  public String setting(String name) {
    return settings.getOrDefault(name, "");
  }

  /** Reads a 0/1 setting; absent gives {@code defaultValue}. */
  public boolean flag(String name, boolean defaultValue) {
    String value = settings.get(name);
    return value == null ? defaultValue : value.equals("1");
  }

  /** The vault a record points to, with the type and title the list output shows. */
  public record VaultReference(long id, VaultType type, String title) {}

  /**
   * A stored private key, without its key material.
   *
   * @param keyType rsa, dsa, ecdsa or ed25519
   * @param certificateType openssh or x.509, or null when the key has no certificate
   */
  public record PrivateKeyCertificate(
      long id, String keyType, boolean hasPassphrase, String certificateType) {}
}
