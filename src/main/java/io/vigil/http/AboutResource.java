package io.vigil.http;

/**
 * /msp/about.php: the version document that Qualys clients read at start-up to check their
 * credentials and the platform version. Served without the X-Requested-With header, as the
 * version-1 API is; subject to the API limits and their headers.
 */
final class AboutResource {
  static final String PATH = "/msp/about.php";
  static final String DTD_PATH = "/msp/about.dtd";

  /**
   * Version of the Qualys platform whose API Vigil follows. Clients parse the first two numbers
   * as integers, so the value keeps Qualys' dotted layout.
   */
  static final String WEB_VERSION = "8.15.0.0-1";

  private final String vigilVersion;

  AboutResource(String vigilVersion) {
    this.vigilVersion = vigilVersion;
  }

  ApiResource resource() {
    return ApiResource.singleAction(PATH, ActionSpec.readAction("").handledBy(this::about));
  }

  private void about(ApiRequest request, ApiResponse response) {
    response.xmlWithoutEcho(
        "ABOUT",
        DTD_PATH,
        xml -> {
          xml.emptyElement("API-VERSION", "MAJOR", "2", "MINOR", "0");
          xml.element("WEB-VERSION", WEB_VERSION);
          xml.element("SCANNER-VERSION", "vigil-" + vigilVersion);
          xml.element("VULNSIGS-VERSION", "vigil-" + vigilVersion);
        });
  }
}
