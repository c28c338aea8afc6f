package io.vigil.scan.engine;

import io.vigil.scan.TlsInfo;
import io.vigil.wire.XmlText;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.net.Socket;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.security.auth.x500.X500Principal;

/**
 * TLS for observation only: its trust manager accepts every certificate chain, so the engine can
 * record what a server presents, including expired and self-signed certificates. Nothing that
 * needs trust may use this factory; the engine sends no credentials over it.
 *
 * <p>NOTE: the client offers only the protocols the JDK enables by default (TLS 1.2 and 1.3 in
 * JDK 17), so a server that speaks only TLS 1.0 or 1.1 fails the handshake and is reported
 * without TLS details.
 */
final class TlsObserver {
  private static final int GENERAL_NAME_DNS = 2;
  private static final int GENERAL_NAME_IP = 7;

  private static final SSLSocketFactory FACTORY = createFactory();

  private TlsObserver() {}

  static SSLSocketFactory socketFactory() {
    return FACTORY;
  }

  /** Describes a completed handshake, or returns null when the server sent no X.509 chain. */
  static TlsInfo describe(SSLSession session) {
    Certificate[] chain;
    try {
      chain = session.getPeerCertificates();
    } catch (SSLPeerUnverifiedException e) {
      return null;
    }
    List<X509Certificate> certificates = new ArrayList<>();
    for (Certificate certificate : chain) {
      if (certificate instanceof X509Certificate x509) {
        certificates.add(x509);
      }
    }
    if (certificates.isEmpty()) {
      return null;
    }
    X509Certificate server = certificates.get(0);
    return new TlsInfo(
        session.getProtocol(),
        session.getCipherSuite(),
        distinguishedName(server.getSubjectX500Principal()),
        distinguishedName(server.getIssuerX500Principal()),
        subjectAltNames(server),
        server.getNotBefore().toInstant(),
        server.getNotAfter().toInstant(),
        isSelfSigned(server),
        CertificateText.describe(certificates));
  }

  private static String distinguishedName(X500Principal principal) {
    String name = principal.getName(
        X500Principal.RFC2253, Map.of(CertificateText.EMAIL_OID, "emailAddress"));
    return BannerText.cap(XmlText.clean(name), 1024);
  }

  /** Returns whether the certificate names itself as issuer and its own key verifies it. */
  static boolean isSelfSigned(X509Certificate certificate) {
    if (!certificate.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
      return false;
    }
    try {
      certificate.verify(certificate.getPublicKey());
      return true;
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Returns the DNS and IP subject alternative names as "DNS:name" and "IP:address". */
  static List<String> subjectAltNames(X509Certificate certificate) {
    Collection<List<?>> names;
    try {
      names = certificate.getSubjectAlternativeNames();
    } catch (CertificateParsingException e) {
      return List.of();
    }
    if (names == null) {
      return List.of();
    }
    List<String> result = new ArrayList<>();
    for (List<?> name : names) {
      Object type = name.get(0);
      Object value = name.get(1);
      if (!(type instanceof Integer kind) || !(value instanceof String text)) {
        continue;
      }
      if (kind == GENERAL_NAME_DNS) {
        result.add("DNS:" + BannerText.cap(XmlText.clean(text), 256));
      } else if (kind == GENERAL_NAME_IP) {
        result.add("IP:" + text);
      }
    }
    return result;
  }

  private static SSLSocketFactory createFactory() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {new AcceptAllTrustManager()}, new SecureRandom());
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK offers no TLS context", e);
    }
  }

  /**
   * Accepts every chain, because the engine records certificates instead of trusting them. It
   * extends X509ExtendedTrustManager so that the JDK adds no algorithm or host name checks.
   */
  private static final class AcceptAllTrustManager extends X509ExtendedTrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
