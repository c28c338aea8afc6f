package io.vigil.authrecord;

import io.vigil.authrecord.RecordInput.PrivateKeyInput;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The UNIX_AUTH_PARAMS body that Unix record create and update calls may send as text/xml, with
 * the private keys a record logs in with. The parser reads no DTD and resolves no external
 * entity: a document with a DOCTYPE is rejected before anything in it is used.
 *
 * @param privateKeys the PRIVATE_KEY_CERTIFICATES list, or null when the body has none
 */
public record UnixAuthParams(List<PrivateKeyInput> privateKeys) {
  static final String ROOT = "UNIX_AUTH_PARAMS";

  /** Value that errors about the body show in place of a parameter value. */
  static final String BODY = "request body";
  private static final Set<String> KEY_TYPES = Set.of("rsa", "dsa", "ecdsa", "ed25519");
  private static final Set<String> CERTIFICATE_TYPES = Set.of("openssh", "x.509");

  private static final XMLInputFactory FACTORY = newFactory();

  private static XMLInputFactory newFactory() {
    XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /**
   * Parses a body.
   *
   * @throws InvalidRecordValueException with parameter name UNIX_AUTH_PARAMS when the body is not
   *     well-formed, has a DOCTYPE, or contains elements or values Vigil does not accept
   */
  public static UnixAuthParams parse(byte[] body) {
    XMLStreamReader xml = null;
    try {
      xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
      nextElement(xml);
      if (!xml.getLocalName().equals(ROOT)) {
        throw invalid("the root element is " + xml.getLocalName() + ", expected " + ROOT);
      }
      List<PrivateKeyInput> keys = null;
      while (nextElement(xml)) {
        switch (xml.getLocalName()) {
          case "PRIVATE_KEY_CERTIFICATES" -> keys = privateKeys(xml);
          case "ROOT_TOOLS" -> rootTools(xml);
          default -> throw unexpected(xml, ROOT);
        }
      }
      return new UnixAuthParams(keys);
    } catch (XMLStreamException e) {
      throw invalid("malformed XML: " + oneLine(e.getMessage()));
    } finally {
      close(xml);
    }
  }

  /** Reads the children of PRIVATE_KEY_CERTIFICATES, up to and including its end tag. */
  private static List<PrivateKeyInput> privateKeys(XMLStreamReader xml)
      throws XMLStreamException {
    List<PrivateKeyInput> keys = new ArrayList<>();
    while (nextElement(xml)) {
      if (!xml.getLocalName().equals("PRIVATE_KEY_CERTIFICATE")) {
        throw unexpected(xml, "PRIVATE_KEY_CERTIFICATES");
      }
      keys.add(privateKey(xml));
    }
    return keys;
  }

  private static PrivateKeyInput privateKey(XMLStreamReader xml) throws XMLStreamException {
    Long id = null;
    String keyType = null;
    String key = null;
    String passphrase = null;
    String certificateType = null;
    String certificate = null;
    while (nextElement(xml)) {
      switch (xml.getLocalName()) {
        case "ID" -> id = parseId(xml.getElementText());
        case "PRIVATE_KEY_INFO" -> {
          requireBasic(xml, "PRIVATE_KEY_INFO");
          while (nextElement(xml)) {
            if (!xml.getLocalName().equals("PRIVATE_KEY")) {
              throw unexpected(xml, "PRIVATE_KEY_INFO");
            }
            keyType = oneOf(xml, "PRIVATE_KEY", KEY_TYPES);
            key = xml.getElementText().strip();
          }
        }
        case "PASSPHRASE_INFO" -> {
          requireBasic(xml, "PASSPHRASE_INFO");
          while (nextElement(xml)) {
            if (!xml.getLocalName().equals("PASSPHRASE")) {
              throw unexpected(xml, "PASSPHRASE_INFO");
            }
            passphrase = xml.getElementText();
          }
        }
        case "CERTIFICATE" -> {
          certificateType = oneOf(xml, "CERTIFICATE", CERTIFICATE_TYPES);
          certificate = xml.getElementText().strip();
        }
        default -> throw unexpected(xml, "PRIVATE_KEY_CERTIFICATE");
      }
    }
    if (key != null) {
      checkKey(keyType, key);
    } else if (id == null) {
      throw invalid("a new PRIVATE_KEY_CERTIFICATE needs PRIVATE_KEY_INFO with a PRIVATE_KEY");
    }
    return new PrivateKeyInput(id, keyType, key, passphrase, certificateType, certificate);
  }

  // TODO: root delegation (ROOT_TOOLS with sudo, pbrun, ...) is not stored yet; only the empty
  // list, which removes all root tools, is accepted.
  private static void rootTools(XMLStreamReader xml) throws XMLStreamException {
    if (nextElement(xml)) {
      throw invalid("ROOT_TOOLS (root delegation) is not supported by Vigil yet; send an empty"
          + " ROOT_TOOLS element or none");
    }
  }

  // TODO: keys and passphrases fetched from a vault (type="vault") are not supported yet.
  private static void requireBasic(XMLStreamReader xml, String element) {
    String type = xml.getAttributeValue(null, "type");
    if (!"basic".equals(type)) {
      throw invalid(element + " type=\"" + type + "\" is not supported; Vigil accepts"
          + " type=\"basic\" with the value in the body");
    }
  }

  private static String oneOf(XMLStreamReader xml, String element, Set<String> allowed) {
    String type = xml.getAttributeValue(null, "type");
    if (type == null || !allowed.contains(type)) {
      throw invalid(element + " type=\"" + type + "\" is invalid; use one of "
          + String.join(", ", allowed.stream().sorted().toList()));
    }
    return type;
  }

  private static void checkKey(String keyType, String key) {
    if (!key.startsWith("-----BEGIN ") || !key.contains("PRIVATE KEY-----")) {
      // The key text is never repeated in the message.
      throw invalid("the " + keyType + " PRIVATE_KEY is not a PEM or OpenSSH private key; it"
          + " must start with -----BEGIN ... PRIVATE KEY-----");
    }
  }

  private static Long parseId(String text) {
    try {
      long id = Long.parseLong(text.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid("ID " + text.strip() + " is not a positive integer");
  }

  /**
   * Moves to the next start tag inside the current element and returns true, or to the current
   * element's end tag and returns false. Text between elements is skipped; a DOCTYPE or an
   * entity reference is rejected.
   */
  private static boolean nextElement(XMLStreamReader xml) throws XMLStreamException {
    while (xml.hasNext()) {
      int event = xml.next();
      switch (event) {
        case XMLStreamConstants.START_ELEMENT:
          return true;
        case XMLStreamConstants.END_ELEMENT:
        case XMLStreamConstants.END_DOCUMENT:
          return false;
        case XMLStreamConstants.DTD:
          throw invalid("a DOCTYPE is not allowed");
        case XMLStreamConstants.ENTITY_REFERENCE:
          throw invalid("entity references are not allowed");
        case XMLStreamConstants.CHARACTERS:
        case XMLStreamConstants.CDATA:
          if (!xml.isWhiteSpace()) {
            throw invalid("unexpected text between elements, at line "
                + xml.getLocation().getLineNumber());
          }
          break;
        default:
          break;
      }
    }
    return false;
  }

  private static InvalidRecordValueException unexpected(XMLStreamReader xml, String parent) {
    return invalid("unexpected element " + xml.getLocalName() + " in " + parent);
  }

  private static InvalidRecordValueException invalid(String reason) {
    return new InvalidRecordValueException(ROOT, BODY, reason);
  }

  /** Joins the lines of a parser message, which start with the line and column. */
  private static String oneLine(String message) {
    return message == null ? "unreadable document" : message.replace("\n", " ").strip();
  }

  private static void close(XMLStreamReader xml) {
    if (xml != null) {
      try {
        xml.close();
      } catch (XMLStreamException e) {
        // The reader reads a byte array, so closing it cannot fail in a way that matters.
      }
    }
  }
}
