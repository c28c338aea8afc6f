package io.vigil.authrecord;

import io.vigil.vault.Vault;
import io.vigil.vault.VaultConnections;
import io.vigil.vault.VaultService;
import io.vigil.vault.client.AimRequest;
import io.vigil.vault.client.Credential;
import io.vigil.vault.client.CredentialRequest;
import io.vigil.vault.client.HostIdentity;
import io.vigil.vault.client.PimRequest;
import io.vigil.vault.client.Secret;
import io.vigil.vault.client.VaultClient;
import io.vigil.vault.client.WabRequest;
import java.util.Map;

/**
 * Works out the credential a scan uses for one host: the record, the vault and, for WALLIX
 * Bastion, the target name resolved for that host. {@link #fetch} then fetches it.
 */
public final class CredentialResolver {
  private final AuthRecordService records;
  private final VaultService vaults;
  private final VaultClient client;

  public CredentialResolver(AuthRecordService records, VaultService vaults, VaultClient client) {
    this.records = records;
    this.vaults = vaults;
    this.client = client;
  }

  /**
   * The record, vault and request that apply to one host.
   *
   * @param vault the vault the secret comes from, or null for a basic login
   * @param request the vault request, or null for a basic login
   * @param targetName the resolved WALLIX target name, or null for other logins
   */
  public record Resolution(
      AuthRecord record, Vault vault, CredentialRequest request, String targetName) {}

  /**
   * Resolves a record for a host.
   *
   * @throws io.vigil.vault.client.TargetNameUnresolvedException when a target-name variable has
   *     no value for the host, such as ${dnshost} without a DNS name
   */
  public Resolution resolve(AuthRecord record, HostIdentity host) {
    if (record.loginType() != LoginType.VAULT || record.vault() == null) {
      return new Resolution(record, null, null, null);
    }
    Vault vault = vaults.find(record.subscriptionId(), record.vault().id());
    return switch (vault.type()) {
      case CYBERARK_AIM ->
          new Resolution(
              record, vault, new AimRequest(record.setting("folder"), record.setting("file")),
              null);
      case CYBERARK_PIM_SUITE ->
          new Resolution(
              record, vault, PimRequest.byName(vault.setting("safe"), record.setting("file")),
              null);
      case WALLIX_ADMINBASTION -> {
        WabRequest request =
            WabRequest.forHost(
                record.setting("authorization_name"), record.setting("target_name"), host);
        yield new Resolution(record, vault, request, request.targetName());
      }
      default ->
          throw new InvalidRecordValueException(
              "vault_type", vault.type().apiName(),
              "Vigil cannot fetch secrets from this vault type yet");
    };
  }

  /**
   * Fetches the credential of a resolution: the stored password of a basic login, or the
   * secret from the vault. The caller closes the credential, which wipes the secret.
   */
  public Credential fetch(Resolution resolution, String hostIp) {
    if (resolution.vault() == null) {
      Map<String, String> secrets = records.secrets(resolution.record());
      return new Credential(
          resolution.record().username(),
          Secret.of(secrets.getOrDefault(AuthRecordService.PASSWORD, "")));
    }
    Map<String, String> vaultSecrets = vaults.secrets(resolution.vault());
    return client.fetch(
        VaultConnections.of(resolution.vault(), vaultSecrets), resolution.request(), hostIp);
  }
}
