package io.vigil.wire;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The REQUEST section that {@code echo_request=1} puts first in an XML output.
 *
 * @param resource the URL that was called, without its query string
 * @param params the request parameters in the order received, secrets already removed
 * @param postData the url-encoded POST body with secrets removed, or null when there was none
 */
public record RequestEcho(
    Instant datetime,
    String userLogin,
    String resource,
    List<Map.Entry<String, String>> params,
    String postData) {

  /** Writes the REQUEST element into an open document. */
  public void write(XmlOutput xml) {
    xml.start("REQUEST");
    xml.element("DATETIME", QualysTime.format(datetime));
    xml.element("USER_LOGIN", userLogin);
    xml.element("RESOURCE", resource);
    if (!params.isEmpty()) {
      xml.start("PARAM_LIST");
      for (Map.Entry<String, String> param : params) {
        xml.start("PARAM");
        xml.element("KEY", param.getKey());
        xml.cdataElement("VALUE", param.getValue());
        xml.end();
      }
      xml.end();
    }
    if (postData != null && !postData.isEmpty()) {
      xml.cdataElement("POST_DATA", postData);
    }
    xml.end();
  }
}
