package io.vigil.testing;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Flattens an XML document into one line per element, in document order: its path, then
 * "=text" for elements without child elements, and one line per attribute. Two documents with
 * the same lines have the same elements, order, attributes and values, whatever their
 * indentation or CDATA use.
 */
public final class XmlElements {
  private XmlElements() {}

  public static List<String> flatten(byte[] document) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      factory.setCoalescing(true);
      Element root =
          factory.newDocumentBuilder().parse(new ByteArrayInputStream(document))
              .getDocumentElement();
      List<String> lines = new ArrayList<>();
      flatten(root, "/" + root.getTagName(), lines);
      return lines;
    } catch (Exception e) {
      throw new AssertionError("Cannot parse the document: " + e.getMessage(), e);
    }
  }

  private static void flatten(Element element, String path, List<String> lines) {
    List<Element> children = new ArrayList<>();
    for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
      if (child instanceof Element childElement) {
        children.add(childElement);
      }
    }
    lines.add(children.isEmpty() ? path + "=" + element.getTextContent().strip() : path);
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Node attribute = attributes.item(i);
      lines.add(path + "@" + attribute.getNodeName() + "=" + attribute.getNodeValue());
    }
    for (Element child : children) {
      flatten(child, path + "/" + child.getTagName(), lines);
    }
  }
}
