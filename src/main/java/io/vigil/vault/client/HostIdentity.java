package io.vigil.vault.client;

/**
 * The names of one scan target, as the scanner knows them before it logs on.
 *
 * @param ip the IP address, such as {@code 10.20.30.40}
 * @param dnsHostname the fully qualified DNS name, such as {@code host.domain}, or null
 * @param netbiosName the NetBIOS name, or null
 * @param windows whether the target is scanned with a Windows record
 */
public record HostIdentity(String ip, String dnsHostname, String netbiosName, boolean windows) {
  public HostIdentity {
    if (ip == null || ip.isBlank()) {
      throw new IllegalArgumentException("Host IP address is missing");
    }
  }

  public static HostIdentity unix(String ip, String dnsHostname) {
    return new HostIdentity(ip, dnsHostname, null, false);
  }

  public static HostIdentity windows(String ip, String dnsHostname, String netbiosName) {
    return new HostIdentity(ip, dnsHostname, netbiosName, true);
  }
}
