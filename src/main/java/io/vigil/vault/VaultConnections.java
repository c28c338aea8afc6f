package io.vigil.vault;

import io.vigil.vault.client.AimConnection;
import io.vigil.vault.client.PimConnection;
import io.vigil.vault.client.Secret;
import io.vigil.vault.client.VaultConnection;
import io.vigil.vault.client.WabConnection;
import java.net.URI;
import java.util.Map;

/** Turns a stored vault and its opened secrets into the connection settings of a vault client. */
public final class VaultConnections {
  private VaultConnections() {}

  /**
   * Returns the client connection of a vault.
   *
   * @param secrets the vault's secret settings, from {@link VaultService#secrets}
   * @throws InvalidVaultSettingException when the type has no client, or a setting is unusable
   */
  public static VaultConnection of(Vault vault, Map<String, String> secrets) {
    boolean sslVerify = !"0".equals(vault.setting("ssl_verify"));
    try {
      return switch (vault.type()) {
        case CYBERARK_AIM -> aim(vault, secrets, sslVerify);
        case CYBERARK_PIM_SUITE -> pim(vault, secrets, sslVerify);
        case WALLIX_ADMINBASTION -> wab(vault, secrets, sslVerify);
        default ->
            throw new InvalidVaultSettingException(
                "type", vault.type().apiName(),
                "Vigil cannot fetch secrets from this vault type yet");
      };
    } catch (IllegalArgumentException e) {
      throw new InvalidVaultSettingException("id", Long.toString(vault.id()), e.getMessage());
    }
  }

  private static AimConnection aim(Vault vault, Map<String, String> secrets, boolean sslVerify) {
    if (!vault.setting("cert").isEmpty() || secrets.containsKey("private_key")) {
      // NOTE: stored client certificates are PEM text, but the AIM client reads a PKCS#12 file.
      // The conversion is not written yet, so such vaults cannot be used.
      throw new InvalidVaultSettingException(
          "cert", "", "client certificates of stored CyberArk AIM vaults are not supported yet");
    }
    return new AimConnection(
        URI.create(vault.setting("url")), vault.setting("appid"), vault.setting("safe"), null,
        sslVerify);
  }

  /** Connects to the PVWA over HTTPS at server_address, on port 443 unless port is set. */
  private static PimConnection pim(Vault vault, Map<String, String> secrets, boolean sslVerify) {
    String port = vault.setting("port");
    URI url =
        URI.create("https://" + vault.setting("server_address") + (port.isEmpty() ? "" : ":" + port));
    return new PimConnection(
        url, vault.setting("username"), Secret.of(secrets.getOrDefault("password", "")), null,
        sslVerify);
  }

  private static WabConnection wab(Vault vault, Map<String, String> secrets, boolean sslVerify) {
    URI url = URI.create(vault.setting("url"));
    String username = vault.setting("username");
    if (secrets.containsKey("appkey")) {
      return WabConnection.withApiKey(url, sslVerify, username, Secret.of(secrets.get("appkey")));
    }
    return WabConnection.withPassword(
        url, sslVerify, username, Secret.of(secrets.getOrDefault("password", "")));
  }
}
