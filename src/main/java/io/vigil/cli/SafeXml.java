package io.vigil.cli;

import io.vigil.VigilException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Parses API replies with the JDK's DOM parser. The replies name a DTD in their DOCTYPE, which is
 * never loaded, and external entities are disabled, so a reply cannot make the client read files
 * or open connections.
 */
final class SafeXml {
  private SafeXml() {}

  static Document parse(byte[] body) {
    try {
      DocumentBuilder builder = factory().newDocumentBuilder();
      // Any entity reference that slips past the features resolves to nothing.
      builder.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(body));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      throw new VigilException("The server sent XML that could not be parsed: " + e.getMessage(),
          e);
    }
  }

  private static DocumentBuilderFactory factory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    factory.setNamespaceAware(false);
    factory.setValidating(false);
    return factory;
  }

  /** Returns the child elements of {@code parent} named {@code name}, in document order. */
  static List<Element> children(Node parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }

  /** Returns the first child element named {@code name}, or null. */
  static Element child(Node parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  /** Returns the text of the element at the path of child names, or "" when one is missing. */
  static String text(Node parent, String... path) {
    Node node = parent;
    for (String name : path) {
      node = child(node, name);
      if (node == null) {
        return "";
      }
    }
    return node.getTextContent().strip();
  }
}
