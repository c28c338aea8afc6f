package io.vigil.vault.client;

import java.net.URI;

/** Connection settings of one vault: where it is, how Vigil authenticates, how TLS is checked. */
public sealed interface VaultConnection permits AimConnection, PimConnection, WabConnection {
  VaultType type();

  URI url();

  /**
   * Whether the server certificate and host name are checked. When false, any certificate is
   * accepted for this vault only, which is the Qualys {@code ssl_verify=0} setting.
   */
  boolean sslVerify();

  /** Checks that {@code url} is an absolute http or https URL with a host. */
  static void requireHttpUrl(URI url, VaultType type) {
    if (url == null) {
      throw new IllegalArgumentException(type + " vault: url is missing");
    }
    String scheme = url.getScheme();
    boolean http = "https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme);
    if (!http || url.getHost() == null) {
      throw new IllegalArgumentException(
          type + " vault: url must be an http or https URL with a host, got " + url);
    }
  }

  /** Checks that a required text setting is present. */
  static String requireText(String value, String name, VaultType type) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(type + " vault: " + name + " is missing");
    }
    return value;
  }
}
