package io.vigil.authrecord;

import java.util.List;
import java.util.Map;

/**
 * The values of a create or update call. A null field or an absent map key leaves the stored
 * value unchanged on update.
 *
 * @param vaultType the {@code vault_type} text as given, checked against the vault's type
 * @param settings technology and vault settings by API parameter name
 * @param password the new password, or null
 * @param ips replacement IP list, or null
 * @param addIps addresses to add, or null
 * @param removeIps addresses to remove, or null
 * @param privateKeys replacement list of Unix private keys, or null to keep the stored ones
 */
public record RecordInput(
    String title,
    String username,
    String comments,
    LoginType loginType,
    Long vaultId,
    String vaultType,
    Map<String, String> settings,
    String password,
    List<IpRange> ips,
    List<IpRange> addIps,
    List<IpRange> removeIps,
    List<PrivateKeyInput> privateKeys) {

  /**
   * A private key from the UNIX_AUTH_PARAMS body of a request.
   *
   * @param id id of a stored key this entry replaces, or null for a new key
   * @param privateKey PEM or OpenSSH text; null keeps the key material of the stored key {@code id}
   * @param passphrase passphrase of an encrypted key, or null
   * @param certificateType openssh or x.509, or null
   */
  public record PrivateKeyInput(
      Long id,
      String keyType,
      String privateKey,
      String passphrase,
      String certificateType,
      String certificate) {}
}
