package io.vigil.scan;

import java.time.Instant;
import java.util.List;

/**
 * Observations from one TLS handshake. The engine accepts any certificate, so they are no verdict
 * on trust.
 *
 * @param protocol the negotiated protocol version, e.g. "TLSv1.3"
 * @param cipherSuite the negotiated cipher suite, e.g. "TLS_AES_128_GCM_SHA256"
 * @param subject the server certificate's subject in RFC 2253 form, e-mail as "emailAddress="
 * @param issuer the server certificate's issuer in RFC 2253 form
 * @param subjectAltNames the subject alternative names as "DNS:name" or "IP:address"
 * @param notBefore the start of the certificate's validity period
 * @param notAfter the end of the certificate's validity period
 * @param selfSigned whether the certificate's issuer is its subject and its own key verifies its
 *     signature
 * @param certificateText the server's certificate chain as the results of QID 86002
 */
public record TlsInfo(
    String protocol,
    String cipherSuite,
    String subject,
    String issuer,
    List<String> subjectAltNames,
    Instant notBefore,
    Instant notAfter,
    boolean selfSigned,
    String certificateText) {

  public TlsInfo {
    subjectAltNames = List.copyOf(subjectAltNames);
  }
}
