package io.vigil.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Streams one XML document in the Qualys layout: the declaration {@code <?xml version="1.0"
 * encoding="UTF-8" ?>}, a DOCTYPE with a SYSTEM URL, then elements indented by two spaces. Every
 * text passes through {@link XmlText#clean}, so no input can make the document invalid.
 */
public final class XmlOutput implements AutoCloseable {
  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

  private final Writer out;
  private final XMLStreamWriter xml;

  /** One entry per open element: whether it has child elements, so its end tag gets a newline. */
  private final Deque<boolean[]> open = new ArrayDeque<>();

  private XmlOutput(Writer out, XMLStreamWriter xml) {
    this.out = out;
    this.xml = xml;
  }

  /** Writes the declaration and DOCTYPE, then opens the root element. */
  public static XmlOutput begin(OutputStream stream, String rootElement, String dtdUrl) {
    Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    try {
      // StAX writes the declaration without the space before "?>" that Qualys puts there.
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n");
      out.write("<!DOCTYPE " + rootElement + " SYSTEM \"" + dtdUrl + "\">\n");
      XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
      XmlOutput output = new XmlOutput(out, xml);
      xml.writeStartElement(rootElement);
      output.open.push(new boolean[] {false});
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    }
  }

  /** Opens an element that will hold child elements. */
  public XmlOutput start(String name) {
    try {
      newLine(open.size());
      markParentHasChildren();
      xml.writeStartElement(name);
      open.push(new boolean[] {false});
      return this;
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    }
  }

  /** Adds an attribute to the element opened last; call it before any content. */
  public XmlOutput attribute(String name, String value) {
    try {
      xml.writeAttribute(name, XmlText.clean(value));
      return this;
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    }
  }

  /** Closes the element opened last. */
  public XmlOutput end() {
    try {
      boolean[] hasChildren = open.pop();
      if (hasChildren[0]) {
        newLine(open.size());
      }
      xml.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    }
  }

  /** Writes {@code <name>text</name>} with the text escaped. */
  public XmlOutput element(String name, String text) {
    try {
      newLine(open.size());
      markParentHasChildren();
      xml.writeStartElement(name);
      xml.writeCharacters(XmlText.clean(text));
      xml.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    }
  }

  public XmlOutput element(String name, long value) {
    return element(name, Long.toString(value));
  }

  /** Writes {@code <name><![CDATA[text]]></name>}, as Qualys does for free text. */
  public XmlOutput cdataElement(String name, String text) {
    try {
      newLine(open.size());
      markParentHasChildren();
      xml.writeStartElement(name);
      writeCdata(XmlText.clean(text));
      xml.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    }
  }

  /** Writes {@code <name a="1">text</name>} with the attributes given as name, value pairs. */
  public XmlOutput elementWithAttributes(String name, String text, String... attributes) {
    try {
      newLine(open.size());
      markParentHasChildren();
      xml.writeStartElement(name);
      for (int i = 0; i + 1 < attributes.length; i += 2) {
        xml.writeAttribute(attributes[i], XmlText.clean(attributes[i + 1]));
      }
      xml.writeCharacters(XmlText.clean(text));
      xml.writeEndElement();
      return this;
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    }
  }

  /** Writes an element with no content, such as {@code <API-VERSION MAJOR="1" />}. */
  public XmlOutput emptyElement(String name, String... attributeNamesAndValues) {
    try {
      newLine(open.size());
      markParentHasChildren();
      xml.writeEmptyElement(name);
      for (int i = 0; i + 1 < attributeNamesAndValues.length; i += 2) {
        xml.writeAttribute(attributeNamesAndValues[i], XmlText.clean(attributeNamesAndValues[i + 1]));
      }
      return this;
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    }
  }

  /** Writes a comment on its own line; "--" in the text is broken up. */
  public XmlOutput comment(String text) {
    try {
      newLine(open.size());
      xml.writeComment(XmlText.clean(text).replace("--", "- -"));
      return this;
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    }
  }

  /** Closes every open element and flushes; the underlying stream stays open. */
  public void finish() {
    try {
      while (!open.isEmpty()) {
        end();
      }
      xml.writeEndDocument();
      xml.flush();
      out.write('\n');
      out.flush();
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes what was written so far to the client, as a keep-alive on long outputs. */
  public void flush() {
    try {
      xml.flush();
      out.flush();
    } catch (XMLStreamException e) {
      throw new XmlWriteException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    finish();
  }

  private void writeCdata(String text) throws XMLStreamException {
    // "]]>" cannot appear inside one CDATA section, so it is split across two.
    int from = 0;
    int end;
    while ((end = text.indexOf("]]>", from)) >= 0) {
      xml.writeCData(text.substring(from, end + 2));
      from = end + 2;
    }
    xml.writeCData(text.substring(from));
  }

  private void markParentHasChildren() {
    if (!open.isEmpty()) {
      open.peek()[0] = true;
    }
  }

  private void newLine(int depth) throws XMLStreamException {
    xml.writeCharacters("\n" + "  ".repeat(depth));
  }
}
