package io.vigil.testing;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** A response received by {@link ApiClient}; XML bodies have already passed DTD validation. */
public record ApiReply(int status, Map<String, List<String>> headers, byte[] body) {

  public String text() {
    return new String(body, StandardCharsets.UTF_8);
  }

  public Optional<String> header(String name) {
    return headers.entrySet().stream()
        .filter(entry -> entry.getKey().equalsIgnoreCase(name))
        .map(entry -> entry.getValue().get(0))
        .findFirst();
  }

  /** Returns the text of the first node matching an XPath expression, or "" when none does. */
  public String xpath(String expression) {
    try {
      return (String) XPathFactory.newInstance().newXPath().evaluate(expression, document(),
          XPathConstants.STRING);
    } catch (Exception e) {
      throw new AssertionError("Cannot evaluate " + expression + " on:\n" + text(), e);
    }
  }

  /** Returns how many nodes match an XPath expression. */
  public int count(String expression) {
    try {
      NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(expression,
          document(), XPathConstants.NODESET);
      return nodes.getLength();
    } catch (Exception e) {
      throw new AssertionError("Cannot evaluate " + expression + " on:\n" + text(), e);
    }
  }

  /** Returns the SIMPLE_RETURN error code, or "" on success. */
  public String code() {
    return xpath("/SIMPLE_RETURN/RESPONSE/CODE");
  }

  /** Returns the SIMPLE_RETURN text. */
  public String responseText() {
    return xpath("/SIMPLE_RETURN/RESPONSE/TEXT");
  }

  private Document document() throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
  }
}
