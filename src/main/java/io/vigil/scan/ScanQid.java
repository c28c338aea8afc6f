package io.vigil.scan;

/**
 * The Qualys QIDs that Vigil's network scan engine reports, with the knowledge-base fields that
 * Qualys gives them. Numbers, titles, types, severities and categories are copied from real
 * Qualys scan results fetched in 2017 and 2019 (API {@code /api/2.0/fo/scan/?action=fetch}).
 * docs/scan-qids.md describes the results text of each one.
 */
public enum ScanQid {
  /** Start, end and duration of the host scan. Host level. */
  HOST_SCAN_TIME(45038, "Host Scan Time", Type.IG, 1, "Information gathering"),

  DNS_HOST_NAME(6, "DNS Host Name", Type.IG, 1, "Information gathering"),
  /** Table of the open TCP ports and the service detected on each. Host level. */
  OPEN_TCP_SERVICES(82023, "Open TCP Services List", Type.IG, 1, "TCP/IP"),
  /** One line per remote-access service, e.g. "Service name: SSH on TCP port 22.". Host level. */
  REMOTE_ACCESS_SERVICE(
      42017, "Remote Access or Management Service Detected", Type.IG, 3,
      "General remote services"),
  /** The SSH identification string, e.g. "SSH-2.0-OpenSSH_9.2p1 Debian-2". */
  SSH_BANNER(38050, "SSH Banner", Type.IG, 1, "General remote services"),
  /** The FTP server's 220 greeting. */
  FTP_BANNER(27113, "FTP Server Banner", Type.IG, 2, "File Transfer Protocol"),
  /** The SMTP server's 220 greeting. */
  SMTP_BANNER(74042, "SMTP Banner", Type.IG, 2, "Mail services"),
  /** The POP3 server's +OK greeting. */
  POP3_BANNER(50000, "POP3 Banner", Type.IG, 2, "Mail services"),
  /** The IMAP server's untagged OK greeting. */
  IMAP_BANNER(50010, "IMAP Banner", Type.IG, 2, "Mail services"),
  /** The HTTP Server header, as a "Server Version"/"Server Banner" table. */
  WEB_SERVER_VERSION(86000, "Web Server Version", Type.IG, 1, "Web server"),
  /** The status line and headers of the response to {@code GET /}. */
  DEFAULT_WEB_PAGE(12230, "Default Web Page", Type.IG, 1, "CGI"),
  /** The certificate chain as a NAME/VALUE table, one "(n)" prefix per chain position. */
  SSL_CERTIFICATE_INFORMATION(86002, "SSL Certificate - Information", Type.IG, 1, "Web server"),
  /** The server certificate's validity ended before the scan. */
  SSL_CERTIFICATE_EXPIRED(
      38167, "SSL Certificate - Expired", Type.VULN, 2, "General remote services"),
  /** The server certificate is signed by its own key. */
  SSL_CERTIFICATE_SELF_SIGNED(
      38169, "SSL Certificate - Self-Signed Certificate", Type.VULN, 2,
      "General remote services");

  /** The Qualys finding types: confirmed vulnerability, potential one, information gathered. */
  public enum Type {
    VULN("Vuln"),
    PRACTICE("Practice"),
    IG("Ig");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    /** Returns the label that Qualys' JSON scan results use, e.g. "Ig". */
    public String label() {
      return label;
    }
  }

  private final int qid;
  private final String title;
  private final Type type;
  private final int severity;
  private final String category;

  ScanQid(int qid, String title, Type type, int severity, String category) {
    this.qid = qid;
    this.title = title;
    this.type = type;
    this.severity = severity;
    this.category = category;
  }

  public int qid() {
    return qid;
  }

  public String title() {
    return title;
  }

  public Type type() {
    return type;
  }

  /** Returns the severity from 1 (minimal) to 5 (urgent). */
  public int severity() {
    return severity;
  }

  public String category() {
    return category;
  }

  /** Creates a host-level finding of this QID, with no port or protocol. */
  public Finding hostFinding(String results) {
    return new Finding(this, null, false, results);
  }

  /** Creates a finding of this QID on a TCP port. */
  public Finding tcpFinding(int port, boolean ssl, String results) {
    return new Finding(this, port, ssl, results);
  }
}
