package io.vigil.wire;

import java.util.List;

/**
 * The BATCH_RETURN document: the reply of authentication record create, update and delete, with
 * one BATCH that names the records the call changed.
 *
 * @param text the TEXT element, such as "Successfully Created"
 * @param ids ids of the changed records, in order
 */
public record BatchReturn(String text, List<Long> ids) {
  public static final String ROOT = "BATCH_RETURN";

  /** Path of the DTD under the base URL, where Qualys publishes it too. */
  public static final String DTD_PATH = "/api/2.0/batch_return.dtd";

  /** Writes the RESPONSE element into a document opened with {@link #ROOT}. */
  public void writeResponse(XmlOutput xml, String datetime) {
    xml.start("RESPONSE");
    xml.element("DATETIME", datetime);
    xml.start("BATCH_LIST");
    xml.start("BATCH");
    xml.element("TEXT", text);
    if (!ids.isEmpty()) {
      xml.start("ID_SET");
      for (long id : ids) {
        xml.element("ID", id);
      }
      xml.end();
    }
    xml.end();
    xml.end();
    xml.end();
  }
}
