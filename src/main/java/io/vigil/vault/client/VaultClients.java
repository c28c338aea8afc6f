package io.vigil.vault.client;

/**
 * The vault client for every vault type, behind one {@link VaultClient} that picks the client by
 * the connection's type. Build one per process and share it.
 */
public final class VaultClients implements VaultClient {
  private final CyberArkAimClient aim;
  private final CyberArkPvwaClient pvwa;
  private final WallixBastionClient wab;

  public VaultClients(VaultClientSettings settings) {
    VaultHttp http = new VaultHttp(settings);
    this.aim = new CyberArkAimClient(http);
    this.pvwa = new CyberArkPvwaClient(http);
    this.wab = new WallixBastionClient(http);
  }

  @Override
  public Credential fetch(VaultConnection connection, CredentialRequest request, String target) {
    return clientFor(connection.type()).fetch(connection, request, target);
  }

  public VaultClient clientFor(VaultType type) {
    switch (type) {
      case CYBERARK_AIM:
        return aim;
      case CYBERARK_PIM_SUITE:
        return pvwa;
      case WALLIX_WAB:
        return wab;
      default:
        throw new IllegalArgumentException("No client for vault type " + type);
    }
  }

  /** Returns the WALLIX Bastion client, which also offers check-in. */
  public WallixBastionClient wallix() {
    return wab;
  }

  static IllegalArgumentException mismatch(
      VaultClient client, VaultConnection connection, CredentialRequest request) {
    return new IllegalArgumentException(
        client.getClass().getSimpleName()
            + " cannot fetch with a "
            + connection.getClass().getSimpleName()
            + " and a "
            + request.getClass().getSimpleName());
  }
}
