package io.vigil.wire;

import io.vigil.VigilException;
import javax.xml.stream.XMLStreamException;

/** Thrown when a StAX writer fails while an XML output is written. */
public final class XmlWriteException extends VigilException {
  public XmlWriteException(XMLStreamException cause) {
    super("Writing XML failed: " + cause.getMessage(), cause);
  }
}
