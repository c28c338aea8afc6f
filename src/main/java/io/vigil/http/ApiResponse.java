package io.vigil.http;

import io.javalin.http.Context;
import io.vigil.wire.QualysTime;
import io.vigil.wire.RequestEcho;
import io.vigil.wire.SimpleReturn;
import io.vigil.wire.XmlOutput;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;

/** Writes the response of one API call in the Qualys formats. */
public final class ApiResponse {
  public static final String XML_CONTENT_TYPE = "text/xml;charset=UTF-8";

  private final Context ctx;
  private final String baseUrl;
  private final Clock clock;
  private RequestEcho echo;
  private boolean written;

  ApiResponse(Context ctx, String baseUrl, Clock clock) {
    this.ctx = ctx;
    this.baseUrl = baseUrl;
    this.clock = clock;
  }

  void echo(RequestEcho echo) {
    this.echo = echo;
  }

  boolean isWritten() {
    return written;
  }

  public String baseUrl() {
    return baseUrl;
  }

  public ApiResponse header(String name, String value) {
    ctx.header(name, value);
    return this;
  }

  public ApiResponse status(int status) {
    ctx.status(status);
    return this;
  }

  /** Writes a successful SIMPLE_RETURN with HTTP 200. */
  public void simpleReturn(String text) {
    simpleReturn(text, Map.of());
  }

  /** Writes a successful SIMPLE_RETURN with an ITEM_LIST, such as the ID of a new object. */
  public void simpleReturn(String text, Map<String, String> items) {
    write(SimpleReturn.success(text, items));
  }

  void write(SimpleReturn simpleReturn) {
    setXmlContentType();
    simpleReturn.write(open(), baseUrl, clock.instant(), echo);
    written = true;
  }

  /**
   * Streams an XML document: the declaration, DOCTYPE, the REQUEST echo when asked for, then what
   * {@code body} writes.
   *
   * @param dtdPath path of the DTD under the base URL
   */
  public void xml(String root, String dtdPath, Consumer<XmlOutput> body) {
    xml(root, dtdPath, true, body);
  }

  /**
   * Streams an XML document whose DTD has no REQUEST element, so no echo is written.
   *
   * @param dtdPath path of the DTD under the base URL
   */
  public void xmlWithoutEcho(String root, String dtdPath, Consumer<XmlOutput> body) {
    xml(root, dtdPath, false, body);
  }

  private void xml(String root, String dtdPath, boolean withEcho, Consumer<XmlOutput> body) {
    setXmlContentType();
    written = true;
    XmlOutput xml = XmlOutput.begin(open(), root, baseUrl + dtdPath);
    if (withEcho && echo != null) {
      echo.write(xml);
    }
    body.accept(xml);
    xml.finish();
  }

  /** Writes a body in another format than XML, such as JSON or CSV. */
  @FunctionalInterface
  public interface StreamBody {
    void write(OutputStream out) throws IOException;
  }

  /**
   * Streams a non-XML body with its content type. The body goes through a 64 KiB buffer, so the
   * response starts once the first 64 KiB are ready and errors before that still get a
   * SIMPLE_RETURN.
   */
  public void stream(String contentType, StreamBody body) {
    ctx.contentType(contentType);
    try {
      OutputStream tracked = new FilterOutputStream(open()) {
        @Override
        public void write(int value) throws IOException {
          written = true;
          out.write(value);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
          written = true;
          out.write(bytes, offset, length);
        }
      };
      BufferedOutputStream out = new BufferedOutputStream(tracked, 64 * 1024);
      body.write(out);
      out.flush();
      written = true;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void setXmlContentType() {
    // NOTE: Jetty 12 rewrites the charset in lower case ("text/xml;charset=utf-8"). Charset names
    // are case-insensitive (RFC 9110), so clients read it the same as the real "UTF-8".
    ctx.contentType(XML_CONTENT_TYPE);
  }

  /** Returns the current time as the API writes it, for DATETIME elements. */
  public String now() {
    return QualysTime.format(clock.instant());
  }

  private OutputStream open() {
    try {
      return ctx.res().getOutputStream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
