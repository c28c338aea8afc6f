package io.vigil.vault.client;

import java.net.URI;

/**
 * A WALLIX Bastion (AdminBastion, WAB) and the API user Vigil calls it as, with either a password
 * (sent as HTTP Basic) or an API key (sent as {@code X-Auth-User} and {@code X-Auth-Key}).
 *
 * <p>The URL is the Bastion's API URL as Qualys stores it ({@code https://wab.example.test/api}); a
 * URL without a path means {@code /api}.
 *
 * @param url URL of the Bastion REST API
 * @param sslVerify the Qualys {@code ssl_verify} setting: whether the certificate is checked
 * @param username the API user
 * @param password the user's password, or null when an API key is used
 * @param apiKey the API key (Qualys {@code appkey}), or null when a password is used
 * @param apiVersion the API version segment, such as {@code v3.12}; empty for the unversioned
 *     {@code /api/targetpasswords/...} paths of older Bastions
 */
public record WabConnection(
    URI url, boolean sslVerify, String username, Secret password, Secret apiKey, String apiVersion)
    implements VaultConnection {

  /** API version used by the factories: the default of WALLIX's Ansible collection, Bastion 12. */
  public static final String DEFAULT_API_VERSION = "v3.12";

  public WabConnection {
    VaultConnection.requireHttpUrl(url, VaultType.WALLIX_WAB);
    VaultConnection.requireText(username, "username", VaultType.WALLIX_WAB);
    if ((password == null) == (apiKey == null)) {
      throw new IllegalArgumentException(
          VaultType.WALLIX_WAB + " vault: set either a password or an appkey, not both or neither");
    }
    if (apiVersion == null) {
      apiVersion = DEFAULT_API_VERSION;
    }
  }

  public static WabConnection withPassword(
      URI url, boolean sslVerify, String username, Secret password) {
    return new WabConnection(url, sslVerify, username, password, null, DEFAULT_API_VERSION);
  }

  public static WabConnection withApiKey(URI url, boolean sslVerify, String username, Secret key) {
    return new WabConnection(url, sslVerify, username, null, key, DEFAULT_API_VERSION);
  }

  @Override
  public VaultType type() {
    return VaultType.WALLIX_WAB;
  }
}
