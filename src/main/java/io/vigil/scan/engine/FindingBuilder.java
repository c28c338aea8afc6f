package io.vigil.scan.engine;

import io.vigil.scan.Finding;
import io.vigil.scan.OpenService;
import io.vigil.scan.ScanQid;
import io.vigil.scan.TlsInfo;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the services of a host into findings, with RESULTS texts shaped like the ones real Qualys
 * scans return for the same QIDs.
 */
final class FindingBuilder {
  /** Start and end times of QID 45038, e.g. "Thu, Dec 07 2017, 08:05:39 GMT". */
  static final DateTimeFormatter SCAN_TIME =
      DateTimeFormatter.ofPattern("EEE, MMM dd yyyy, HH:mm:ss 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private FindingBuilder() {}

  /** Returns the port findings in port order, then the host-level findings. */
  static List<Finding> build(List<OpenService> services, Instant start, Instant end) {
    List<Finding> findings = new ArrayList<>();
    for (OpenService service : services) {
      addPortFindings(findings, service, end);
    }
    if (!services.isEmpty()) {
      findings.add(ScanQid.OPEN_TCP_SERVICES.hostFinding(openServicesTable(services)));
    }
    String remoteAccess = remoteAccessLines(services);
    if (!remoteAccess.isEmpty()) {
      findings.add(ScanQid.REMOTE_ACCESS_SERVICE.hostFinding(remoteAccess));
    }
    findings.add(ScanQid.HOST_SCAN_TIME.hostFinding(scanTime(start, end)));
    return findings;
  }

  private static void addPortFindings(List<Finding> findings, OpenService service, Instant now) {
    int port = service.port();
    boolean ssl = service.tls() != null;
    ScanQid bannerQid = switch (service.service()) {
      case "ssh" -> ScanQid.SSH_BANNER;
      case "ftp" -> ScanQid.FTP_BANNER;
      case "smtp" -> ScanQid.SMTP_BANNER;
      case "pop3" -> ScanQid.POP3_BANNER;
      case "imap" -> ScanQid.IMAP_BANNER;
      default -> null;
    };
    if (bannerQid != null && !service.banner().isEmpty()) {
      findings.add(bannerQid.tcpFinding(port, ssl, service.banner()));
    }
    if (service.http() != null) {
      String server = service.http().server();
      if (server != null && !server.isEmpty()) {
        findings.add(ScanQid.WEB_SERVER_VERSION.tcpFinding(
            port, ssl, "Server Version\tServer Banner\n" + server + "\t" + server));
      }
      findings.add(ScanQid.DEFAULT_WEB_PAGE.tcpFinding(port, ssl, service.http().headers()));
    }
    if (ssl) {
      addCertificateFindings(findings, port, service.tls(), now);
    }
  }

  private static void addCertificateFindings(
      List<Finding> findings, int port, TlsInfo tls, Instant now) {
    findings.add(ScanQid.SSL_CERTIFICATE_INFORMATION.tcpFinding(port, true, tls.certificateText()));
    String subject = tls.subject().replace(' ', '_');
    if (tls.notAfter().isBefore(now)) {
      findings.add(ScanQid.SSL_CERTIFICATE_EXPIRED.tcpFinding(port, true,
          "Certificate #0 " + subject + " is not valid after "
              + CertificateText.DATE.format(tls.notAfter()) + "."));
    }
    if (tls.selfSigned()) {
      findings.add(ScanQid.SSL_CERTIFICATE_SELF_SIGNED.tcpFinding(port, true,
          "Certificate #0 " + subject + " is a self signed certificate."));
    }
  }

  /**
   * Builds the QID 82023 table: a header row, then one row per open port with its usual
   * service, the description of that service, the detected service and an empty "OS On
   * Redirected Port" cell.
   */
  static String openServicesTable(List<OpenService> services) {
    StringBuilder table = new StringBuilder(
        "Port\tIANA Assigned Ports/Services\tDescription\tService Detected\tOS On Redirected Port");
    for (OpenService service : services) {
      WellKnownPorts.PortService usual = WellKnownPorts.serviceOf(service.port());
      table.append('\n').append(service.port())
          .append('\t').append(usual.name())
          .append('\t').append(usual.description())
          .append('\t').append(service.displayName())
          .append('\t');
    }
    return table.toString();
  }

  private static String remoteAccessLines(List<OpenService> services) {
    StringBuilder lines = new StringBuilder();
    for (OpenService service : services) {
      if (service.service().equals("ssh")) {
        if (lines.length() > 0) {
          lines.append('\n');
        }
        lines.append("Service name: SSH on TCP port ").append(service.port()).append('.');
      }
    }
    return lines.toString();
  }

  static String scanTime(Instant start, Instant end) {
    long seconds = Math.max(0, Duration.between(start, end).toSeconds());
    return "Scan duration: " + seconds + " seconds\n\n"
        + "Start time: " + SCAN_TIME.format(start) + "\n\n"
        + "End time: " + SCAN_TIME.format(end);
  }
}
