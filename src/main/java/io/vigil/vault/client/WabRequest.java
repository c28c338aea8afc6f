package io.vigil.vault.client;

/**
 * An account of a WALLIX Bastion.
 *
 * @param authorizationName the authorization that grants password retrieval on the target
 * @param targetName the resolved target, {@code account@domain} or {@code account@domain@device},
 *     such as {@code qualys_scan@local@10.50.60.70}; see {@link TargetNames#resolve}
 */
public record WabRequest(String authorizationName, String targetName) implements CredentialRequest {
  public WabRequest {
    VaultConnection.requireText(authorizationName, "authorization_name", VaultType.WALLIX_WAB);
    VaultConnection.requireText(targetName, "target_name", VaultType.WALLIX_WAB);
  }

  /** Returns the request for one host, with the variables of {@code targetTemplate} resolved. */
  public static WabRequest forHost(
      String authorizationName, String targetTemplate, HostIdentity host) {
    return new WabRequest(authorizationName, TargetNames.resolve(targetTemplate, host));
  }
}
