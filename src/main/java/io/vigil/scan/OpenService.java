package io.vigil.scan;

/**
 * An open TCP port and the service found on it.
 *
 * @param port the TCP port number
 * @param service the detected protocol in lower case ("ssh", "smtp", "http", "mysql", ...), or
 *     "unknown"
 * @param banner the greeting or version text the service sent, decoded, cleaned of characters
 *     that XML cannot contain and capped; empty when the service sent nothing useful
 * @param tls the TLS handshake when the service runs over TLS, else null
 * @param http the HTTP response when the service speaks HTTP, else null
 */
public record OpenService(int port, String service, String banner, TlsInfo tls, HttpInfo http) {
  public static final String UNKNOWN = "unknown";

  /** Returns the service name as Qualys' open-services list shows it, e.g. "http over ssl". */
  public String displayName() {
    return tls == null ? service : service + " over ssl";
  }
}
