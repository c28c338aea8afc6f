package io.vigil.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParser;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Validates XML documents against their DTD without any network access: the DOCTYPE's system URL
 * is mapped to Vigil's own DTD on the classpath, or to the real Qualys DTD kept in the shared
 * conformance folder. Any other system id fails the validation.
 */
public final class XmlValidator {
  /** Source of the DTD a document is checked against. */
  public enum DtdSource {
    /** The DTD Vigil serves, from src/main/resources/dtd. */
    VIGIL,
    /** A real Qualys DTD from the shared conformance folder. */
    QUALYS
  }

  /** DTD file names of which a real Qualys copy exists in the conformance folder. */
  private static final List<String> REAL_DTDS =
      List.of("simple_return.dtd", "knowledge_base_vuln_list_output.dtd");

  private XmlValidator() {}

  /** Returns the conformance folder with the real Qualys DTDs. */
  public static Path qualysDtdDir() {
    Path shared = Path.of(System.getProperty("vigil.shared.dir", "../shared"));
    Path dir = shared.resolve("conformance/qualys-dtd");
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(
          "Missing " + dir.toAbsolutePath() + ": the shared folder must sit beside the checkout.");
    }
    return dir;
  }

  /**
   * Validates a document against Vigil's DTD and, when one exists, the real Qualys DTD.
   *
   * @param baseUrl the server's base URL, which prefixes every DOCTYPE system id
   * @throws AssertionError listing every validation error
   */
  public static void validate(byte[] document, String baseUrl) {
    validate(document, baseUrl, DtdSource.VIGIL);
    String systemId = systemId(document);
    String fileName = systemId.substring(systemId.lastIndexOf('/') + 1);
    if (REAL_DTDS.contains(fileName)) {
      validate(document, baseUrl, DtdSource.QUALYS);
    }
  }

  /** Validates a document against the DTD from one source. */
  public static void validate(byte[] document, String baseUrl, DtdSource source) {
    parse(document, source.toString(), systemId -> openDtd(systemId, baseUrl, source));
  }

  /**
   * Validates a document against the DTD in {@code dtdFile}, whatever system id its DOCTYPE
   * names, such as a DTD that a test extracted from published documentation.
   */
  public static void validate(byte[] document, Path dtdFile) {
    parse(document, dtdFile.toString(), systemId -> Files.newInputStream(dtdFile));
  }

  /** Opens the DTD of a system id. */
  private interface DtdOpener {
    InputStream open(String systemId) throws IOException;
  }

  private static void parse(byte[] document, String dtdName, DtdOpener dtds) {
    List<String> errors = new ArrayList<>();
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setValidating(true);
      factory.setNamespaceAware(false);
      SAXParser parser = factory.newSAXParser();
      var reader = parser.getXMLReader();
      reader.setEntityResolver(
          (publicId, systemId) -> new InputSource(dtds.open(systemId)));
      reader.setErrorHandler(collector(errors));
      reader.setContentHandler(new DefaultHandler());
      InputSource input = new InputSource(new ByteArrayInputStream(document));
      reader.parse(input);
    } catch (SAXException e) {
      errors.add(e.getMessage());
    } catch (IOException | ParserConfigurationException e) {
      throw new AssertionError("Cannot validate the document: " + e.getMessage(), e);
    }
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "XML is not valid against the "
              + dtdName
              + " DTD: "
              + String.join("; ", errors)
              + "\n"
              + new String(document, java.nio.charset.StandardCharsets.UTF_8));
    }
  }

  private static InputStream openDtd(String systemId, String baseUrl, DtdSource source)
      throws IOException {
    if (systemId == null || !systemId.startsWith(baseUrl + "/")) {
      throw new IOException(
          "DOCTYPE system id " + systemId + " is not under the base URL " + baseUrl);
    }
    String path = systemId.substring(baseUrl.length());
    if (source == DtdSource.QUALYS) {
      Path file = qualysDtdDir().resolve(path.substring(path.lastIndexOf('/') + 1));
      return Files.newInputStream(file);
    }
    InputStream dtd = XmlValidator.class.getResourceAsStream("/dtd" + path);
    if (dtd == null) {
      throw new IOException("Vigil ships no DTD for " + path);
    }
    return dtd;
  }

  /** Returns the system id of the document's DOCTYPE. */
  public static String systemId(byte[] document) {
    String text = new String(document, 0, Math.min(document.length, 1000),
        java.nio.charset.StandardCharsets.UTF_8);
    int doctype = text.indexOf("<!DOCTYPE");
    if (doctype < 0) {
      throw new AssertionError("XML output has no DOCTYPE:\n" + text);
    }
    int start = text.indexOf('"', doctype);
    int end = text.indexOf('"', start + 1);
    return text.substring(start + 1, end);
  }

  private static ErrorHandler collector(List<String> errors) {
    return new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {}

      @Override
      public void error(SAXParseException e) {
        errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
      }

      @Override
      public void fatalError(SAXParseException e) {
        errors.add("line " + e.getLineNumber() + ": " + e.getMessage());
      }
    };
  }
}
