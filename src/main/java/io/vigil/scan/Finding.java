package io.vigil.scan;

/**
 * One result of a host scan, as a row of Qualys' scan results.
 *
 * @param qid the QID with its title, type, severity and category
 * @param port the TCP port, or null for a host-level finding
 * @param ssl whether the engine made the detection over TLS
 * @param results the RESULTS text: plain text, tables with tab-separated cells
 */
public record Finding(ScanQid qid, Integer port, boolean ssl, String results) {
  /** Returns "tcp" for a port finding and "" for a host-level one, as Qualys does. */
  public String protocol() {
    return port == null ? "" : "tcp";
  }
}
