package io.vigil.authrecord;

import io.vigil.authrecord.AuthRecord.PrivateKeyCertificate;
import io.vigil.authrecord.RecordInput.PrivateKeyInput;
import io.vigil.vault.Vault;
import io.vigil.vault.VaultService;
import io.vigil.vault.VaultType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the values a create or update call will store, from the call's input and the stored
 * record, and checks them with {@link RecordRules}. Vault lookups are its only reads.
 */
final class RecordMerger {
  private final VaultService vaults;

  RecordMerger(VaultService vaults) {
    this.vaults = vaults;
  }

  /** The values to store, after merging and checking. */
  record Next(
      String title,
      String username,
      String comments,
      LoginType loginType,
      Long vaultId,
      Map<String, String> settings,
      Map<String, String> secrets,
      List<IpRange> ips,
      List<PrivateKeyInput> privateKeys) {}

  Next forCreate(long subscriptionId, Technology technology, RecordInput input) {
    Map<String, String> secrets = new LinkedHashMap<>();
    if (input.password() != null) {
      secrets.put(AuthRecordService.PASSWORD, input.password());
    }
    List<PrivateKeyInput> keys = input.privateKeys() == null ? List.of() : input.privateKeys();
    for (PrivateKeyInput key : keys) {
      if (key.id() != null) {
        throw new InvalidRecordValueException(UnixAuthParams.ROOT, UnixAuthParams.BODY,
            "a new record has no stored keys to refer to; remove the ID elements");
      }
    }
    return finish(
        subscriptionId,
        technology,
        input,
        new Next(
            input.title(),
            input.username(),
            input.comments() == null ? "" : input.comments(),
            input.loginType() == null ? LoginType.BASIC : input.loginType(),
            input.vaultId(),
            new LinkedHashMap<>(input.settings()),
            secrets,
            input.ips() == null ? List.of() : input.ips(),
            keys),
        null);
  }

  Next forUpdate(AuthRecord current, Map<String, String> storedSecrets, RecordInput input) {
    Map<String, String> settings = new LinkedHashMap<>(current.settings());
    settings.putAll(input.settings());
    Map<String, String> secrets = new LinkedHashMap<>(storedSecrets);
    if (input.password() != null) {
      secrets.put(AuthRecordService.PASSWORD, input.password());
    }
    LoginType loginType = input.loginType() == null ? current.loginType() : input.loginType();
    Long vaultId = input.vaultId();
    if (vaultId == null && current.vault() != null) {
      vaultId = current.vault().id();
    }
    return finish(
        current.subscriptionId(),
        current.technology(),
        input,
        new Next(
            input.title() == null ? current.title() : input.title(),
            input.username() == null ? current.username() : input.username(),
            input.comments() == null ? current.comments() : input.comments(),
            loginType,
            vaultId,
            settings,
            secrets,
            updatedIps(current.ips(), input),
            input.privateKeys() == null ? null : updatedKeys(current, input.privateKeys())),
        current.vault() == null ? null : current.vault().type());
  }

  private static List<IpRange> updatedIps(List<IpRange> stored, RecordInput input) {
    List<IpRange> ips = input.ips() == null ? stored : input.ips();
    if (input.addIps() != null) {
      List<IpRange> all = new ArrayList<>(ips);
      all.addAll(input.addIps());
      ips = IpRange.normalize(all);
    }
    if (input.removeIps() != null) {
      ips = IpRange.subtract(ips, input.removeIps());
      if (ips.isEmpty()) {
        throw new InvalidRecordValueException(
            "remove_ips", input.removeIps().toString(),
            "this would leave the record without IPs; delete the record instead");
      }
    }
    return ips;
  }

  /** Matches key entries with an ID to the stored keys; those without key material keep it. */
  private static List<PrivateKeyInput> updatedKeys(
      AuthRecord current, List<PrivateKeyInput> given) {
    Map<Long, PrivateKeyCertificate> stored = new HashMap<>();
    current.privateKeys().forEach(key -> stored.put(key.id(), key));
    Set<Long> seen = new HashSet<>();
    List<PrivateKeyInput> keys = new ArrayList<>();
    for (PrivateKeyInput key : given) {
      if (key.id() == null) {
        keys.add(key);
        continue;
      }
      PrivateKeyCertificate match = stored.get(key.id());
      if (match == null || !seen.add(key.id())) {
        throw new InvalidRecordValueException(UnixAuthParams.ROOT, UnixAuthParams.BODY,
            "PRIVATE_KEY_CERTIFICATE ID " + key.id() + " is not a key of record " + current.id()
                + ", or is listed twice; omit ID to add a new key");
      }
      String keyType = key.privateKey() == null ? match.keyType() : key.keyType();
      keys.add(new PrivateKeyInput(key.id(), keyType, key.privateKey(), key.passphrase(),
          key.certificateType(), key.certificate()));
    }
    return keys;
  }

  /**
   * Applies the login type to the merged values and checks them.
   *
   * @param storedVaultType type of the vault the record used before, or null
   */
  private Next finish(
      long subscriptionId, Technology technology, RecordInput input, Next next,
      VaultType storedVaultType) {
    Set<String> givenVaultFields = new HashSet<>(input.settings().keySet());
    givenVaultFields.retainAll(VaultFields.allNames());
    Map<String, String> settings = next.settings();
    Map<String, String> secrets = next.secrets();
    Long vaultId = next.vaultId();
    if (next.loginType() == LoginType.BASIC) {
      rejectVaultInput(input, givenVaultFields);
      settings.keySet().removeAll(VaultFields.allNames());
      vaultId = null;
    } else {
      Vault vault = vault(subscriptionId, vaultId, input.vaultType());
      if (vault.type() != storedVaultType) {
        settings.keySet().removeIf(
            name -> VaultFields.allNames().contains(name) && !givenVaultFields.contains(name));
      }
      secrets.remove(AuthRecordService.PASSWORD);
      settings.remove("cleartext_password");
      RecordRules.checkVault(technology, vault, settings, givenVaultFields);
    }
    RecordRules.checkTexts(next.title(), next.username(), next.comments());
    RecordRules.checkTechnology(technology, next.loginType(), settings, secrets.keySet());
    if (next.ips().isEmpty()) {
      throw new InvalidRecordValueException(
          "ips", "", "a record needs at least one IPv4 address or range");
    }
    return new Next(next.title(), next.username(), next.comments(), next.loginType(), vaultId,
        settings, secrets, next.ips(), next.privateKeys());
  }

  private static void rejectVaultInput(RecordInput input, Set<String> givenVaultFields) {
    String reason = "the record's login_type is basic; add login_type=vault to use a vault";
    if (input.vaultId() != null) {
      throw new InvalidRecordValueException("vault_id", input.vaultId().toString(), reason);
    }
    if (input.vaultType() != null) {
      throw new InvalidRecordValueException("vault_type", input.vaultType(), reason);
    }
    for (String name : givenVaultFields) {
      throw new InvalidRecordValueException(name, input.settings().get(name), reason);
    }
  }

  private Vault vault(long subscriptionId, Long vaultId, String vaultTypeText) {
    if (vaultId == null) {
      throw new InvalidRecordValueException("vault_id", "", "required when login_type=vault");
    }
    Vault vault =
        vaults
            .findIfPresent(subscriptionId, vaultId)
            .orElseThrow(() -> new InvalidRecordValueException(
                "vault_id", vaultId.toString(), "no vault has this id"));
    if (vaultTypeText != null) {
      VaultType type =
          VaultType.parse(vaultTypeText)
              .orElseThrow(() -> new InvalidRecordValueException(
                  "vault_type", vaultTypeText,
                  "use one of: " + String.join(", ", VaultType.apiNames())));
      if (type != vault.type()) {
        throw new InvalidRecordValueException(
            "vault_type", vaultTypeText,
            "vault " + vaultId + " is a " + vault.type().apiName() + " vault");
      }
    }
    return vault;
  }
}
