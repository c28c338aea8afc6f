package io.vigil.wire;

import java.io.OutputStream;
import java.time.Instant;
import java.util.Map;

/**
 * The SIMPLE_RETURN document: the reply of most actions that change something and of every error.
 *
 * @param code error code, or null on success
 * @param text the TEXT element
 * @param items KEY/VALUE pairs of the ITEM_LIST, written in iteration order; empty for none
 */
public record SimpleReturn(Integer code, String text, Map<String, String> items) {
  public static final String ROOT = "SIMPLE_RETURN";

  /** Path of the DTD under the base URL, where Qualys publishes it too. */
  public static final String DTD_PATH = "/api/2.0/simple_return.dtd";

  public static SimpleReturn success(String text) {
    return new SimpleReturn(null, text, Map.of());
  }

  public static SimpleReturn success(String text, Map<String, String> items) {
    return new SimpleReturn(null, text, items);
  }

  public static SimpleReturn error(ApiException e) {
    return new SimpleReturn(e.code().code(), e.text(), e.items());
  }

  /**
   * Writes the document.
   *
   * @param echo REQUEST section to put first, or null
   */
  public void write(OutputStream stream, String baseUrl, Instant now, RequestEcho echo) {
    XmlOutput xml = XmlOutput.begin(stream, ROOT, baseUrl + DTD_PATH);
    if (echo != null) {
      echo.write(xml);
    }
    xml.start("RESPONSE");
    xml.element("DATETIME", QualysTime.format(now));
    if (code != null) {
      xml.element("CODE", code);
    }
    xml.element("TEXT", text);
    if (!items.isEmpty()) {
      xml.start("ITEM_LIST");
      for (Map.Entry<String, String> item : items.entrySet()) {
        xml.start("ITEM");
        xml.element("KEY", item.getKey());
        xml.element("VALUE", item.getValue());
        xml.end();
      }
      xml.end();
    }
    xml.end();
    xml.finish();
  }
}
