package io.vigil.vault.client;

import java.net.URI;

/**
 * A CyberArk Central Credential Provider (CCP, formerly AIM) and the application identity Vigil
 * uses there.
 *
 * <p>The URL names the CCP server and, optionally, the IIS application it runs as. The request goes
 * to {@code <application>/api/Accounts}, where the application is
 *
 * <ul>
 *   <li>{@code /AIMWebService} when the URL has no path ({@code https://ccp.example.test}),
 *   <li>the first path segment when the URL points to the SOAP service, as Qualys examples do
 *       ({@code https://ccp.example.test/AIMWebService/v1.1/AIM.asmx}),
 *   <li>otherwise the path itself ({@code https://ccp.example.test/WindowsAuthentication}).
 * </ul>
 *
 * @param url URL of the Central Credential Provider
 * @param appId the application id defined in the Vault ({@code AppID})
 * @param safe the safe that holds the accounts
 * @param clientCertificate certificate for mutual TLS, or null when the CCP authenticates the
 *     application by source address or OS user
 * @param sslVerify whether the CCP's certificate and host name are checked
 */
public record AimConnection(
    URI url, String appId, String safe, ClientCertificate clientCertificate, boolean sslVerify)
    implements VaultConnection {

  public AimConnection {
    VaultConnection.requireHttpUrl(url, VaultType.CYBERARK_AIM);
    VaultConnection.requireText(appId, "AppID", VaultType.CYBERARK_AIM);
    VaultConnection.requireText(safe, "Safe", VaultType.CYBERARK_AIM);
  }

  @Override
  public VaultType type() {
    return VaultType.CYBERARK_AIM;
  }
}
