package io.vigil.scan.engine;

import io.vigil.wire.XmlText;
import java.math.BigInteger;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.cert.X509Certificate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.security.auth.x500.X500Principal;

/**
 * Formats a certificate chain as the results of QID 86002 (SSL Certificate - Information): a
 * NAME/VALUE table with tab-separated cells, each row prefixed with the chain position, names
 * and date formats as OpenSSL prints them. Qualys also lists the key modulus, every extension
 * and the signature bytes; Vigil lists the subject alternative names only.
 */
final class CertificateText {
  static final String EMAIL_OID = "1.2.840.113549.1.9.1";

  /** Dates as OpenSSL prints them, e.g. "Nov 6 15:44:06 2017 GMT". */
  static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMM d HH:mm:ss yyyy 'GMT'", Locale.ENGLISH)
          .withZone(ZoneOffset.UTC);

  private static final Map<String, String> ATTRIBUTE_NAMES = Map.ofEntries(
      Map.entry("C", "countryName"),
      Map.entry("ST", "stateOrProvinceName"),
      Map.entry("L", "localityName"),
      Map.entry("O", "organizationName"),
      Map.entry("OU", "organizationalUnitName"),
      Map.entry("CN", "commonName"),
      Map.entry("DC", "domainComponent"),
      Map.entry("STREET", "streetAddress"),
      Map.entry("UID", "userId"),
      Map.entry("emailAddress", "emailAddress"));

  /** OpenSSL's names of common signature algorithms, keyed by OID. */
  private static final Map<String, String> SIGNATURE_NAMES = Map.of(
      "1.2.840.113549.1.1.5", "sha1WithRSAEncryption",
      "1.2.840.113549.1.1.11", "sha256WithRSAEncryption",
      "1.2.840.113549.1.1.12", "sha384WithRSAEncryption",
      "1.2.840.113549.1.1.13", "sha512WithRSAEncryption",
      "1.2.840.113549.1.1.10", "rsassaPss",
      "1.2.840.10045.4.3.2", "ecdsa-with-SHA256",
      "1.2.840.10045.4.3.3", "ecdsa-with-SHA384",
      "1.2.840.10045.4.3.4", "ecdsa-with-SHA512",
      "1.3.101.112", "ED25519");

  private CertificateText() {}

  static String describe(List<X509Certificate> chain) {
    StringBuilder text = new StringBuilder("NAME\tVALUE\n");
    for (int i = 0; i < chain.size(); i++) {
      X509Certificate certificate = chain.get(i);
      String prefix = "(" + i + ")";
      row(text, prefix + "CERTIFICATE " + i, " ");
      row(text, prefix + "Version", certificate.getVersion() + " (0x"
          + Integer.toHexString(certificate.getVersion() - 1) + ")");
      row(text, prefix + "Serial Number", " " + hexPairs(certificate.getSerialNumber()) + " ");
      row(text, prefix + "Signature Algorithm", signatureName(certificate));
      row(text, prefix + "ISSUER NAME", " ");
      names(text, certificate.getIssuerX500Principal());
      row(text, prefix + "SUBJECT NAME", " ");
      names(text, certificate.getSubjectX500Principal());
      row(text, prefix + "Valid From", DATE.format(certificate.getNotBefore().toInstant()));
      row(text, prefix + "Valid Till", DATE.format(certificate.getNotAfter().toInstant()));
      publicKey(text, prefix, certificate.getPublicKey());
      List<String> altNames = TlsObserver.subjectAltNames(certificate);
      if (!altNames.isEmpty()) {
        row(text, prefix + "X509v3 Subject Alternative Name", " " + String.join(", ", altNames));
      }
    }
    return text.toString().stripTrailing();
  }

  private static void row(StringBuilder text, String name, String value) {
    text.append(name).append('\t').append(value).append('\n');
  }

  /** Writes one row per attribute in certificate order, the first without a leading space. */
  private static void names(StringBuilder text, X500Principal principal) {
    String rfc2253 = principal.getName(X500Principal.RFC2253, Map.of(EMAIL_OID, "emailAddress"));
    List<Rdn> rdns;
    try {
      // LdapName lists RDNs right to left, which is the order inside the certificate.
      rdns = new LdapName(rfc2253).getRdns();
    } catch (InvalidNameException e) {
      text.append(XmlText.clean(rfc2253)).append('\n');
      return;
    }
    for (int i = 0; i < rdns.size(); i++) {
      Rdn rdn = rdns.get(i);
      String type = ATTRIBUTE_NAMES.getOrDefault(rdn.getType(), rdn.getType());
      String value = rdn.getValue() instanceof String string ? string : rdn.toString();
      text.append(i == 0 ? "" : " ").append(type).append('\t')
          .append(BannerText.cap(XmlText.clean(value), 256)).append('\n');
    }
  }

  private static void publicKey(StringBuilder text, String prefix, PublicKey key) {
    if (key instanceof RSAPublicKey rsa) {
      row(text, prefix + "Public Key Algorithm", "rsaEncryption");
      row(text, prefix + "RSA Public Key", "(" + rsa.getModulus().bitLength() + " bit)");
    } else if (key instanceof ECPublicKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      row(text, prefix + "Public Key Algorithm", "id-ecPublicKey");
      row(text, prefix + "EC Public Key", "(" + bits + " bit)");
    } else {
      row(text, prefix + "Public Key Algorithm", key.getAlgorithm());
    }
  }

  private static String signatureName(X509Certificate certificate) {
    return SIGNATURE_NAMES.getOrDefault(certificate.getSigAlgOID(), certificate.getSigAlgName());
  }

  /** Formats a serial number as colon-separated hex pairs, e.g. "01:d2:3f". */
  private static String hexPairs(BigInteger number) {
    String hex = number.toString(16);
    if (hex.length() % 2 == 1) {
      hex = "0" + hex;
    }
    StringBuilder pairs = new StringBuilder();
    for (int i = 0; i < hex.length(); i += 2) {
      if (i > 0) {
        pairs.append(':');
      }
      pairs.append(hex, i, i + 2);
    }
    return pairs.toString();
  }
}
