package io.vigil.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vigil.wire.QualysTime;
import io.vigil.wire.XmlOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The three output formats of the scan summary, each a {@link ScanSummarySink} that writes as the
 * rows arrive. Dates are UTC datetimes such as 2018-05-02T09:04:34Z in all three.
 */
public final class ScanSummaryWriters {
  private ScanSummaryWriters() {}

  /**
   * Returns a sink that writes SCAN_SUMMARY_LIST inside an open RESPONSE element. The list
   * element is opened with the first scan, so a summary without scans has no list, as in other
   * Qualys list outputs.
   */
  public static Xml xml(XmlOutput xml) {
    return new Xml(xml);
  }

  /** Writes XML; {@link Xml#finish} closes the list when one was opened. */
  public static final class Xml implements ScanSummarySink {
    private final XmlOutput xml;
    private boolean listOpen;

    private Xml(XmlOutput xml) {
      this.xml = xml;
    }

    @Override
    public void startScan(String ref, Instant scanDate) {
      if (!listOpen) {
        xml.start("SCAN_SUMMARY_LIST");
        listOpen = true;
      }
      xml.start("SCAN_SUMMARY")
          .element("SCAN_REF", ref)
          .element("SCAN_DATE", QualysTime.format(scanDate));
    }

    @Override
    public void hostSummary(String category, String tracking, String hosts) {
      xml.elementWithAttributes("HOST_SUMMARY", hosts, "category", category,
          "tracking", tracking);
    }

    @Override
    public void endScan() {
      xml.end();
    }

    public void finish() {
      if (listOpen) {
        xml.end();
      }
    }
  }

  /**
   * Returns a sink that writes CSV as in Qualys' sample: a header row, then one row per host
   * list, every field quoted, lines ended with LF.
   */
  public static Csv csv(OutputStream out) throws IOException {
    return new Csv(out);
  }

  /** Writes CSV; {@link Csv#finish} flushes it. */
  public static final class Csv implements ScanSummarySink {
    private static final CSVFormat FORMAT =
        CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\n").get();

    private final CSVPrinter csv;
    private String ref;
    private String scanDate;

    private Csv(OutputStream out) throws IOException {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      this.csv = new CSVPrinter(writer, FORMAT);
      csv.printRecord("SCAN_REF", "SCAN_DATE", "CATEGORY", "TRACKING", "HOSTS");
    }

    @Override
    public void startScan(String ref, Instant scanDate) {
      this.ref = ref;
      this.scanDate = QualysTime.format(scanDate);
    }

    @Override
    public void hostSummary(String category, String tracking, String hosts) throws IOException {
      csv.printRecord(ref, scanDate, category, tracking, hosts);
    }

    @Override
    public void endScan() {
      // A CSV row carries its scan, so the end of a scan writes nothing.
    }

    public void finish() throws IOException {
      csv.flush();
    }
  }

  /**
   * Returns a sink that writes one JSON array with one object per scan (scanRef, scanDate,
   * hostSummary), with "/" written as "\/" as Qualys writes it.
   */
  public static Json json(OutputStream out) throws IOException {
    return new Json(out);
  }

  /** Writes JSON; {@link Json#finish} closes the array. */
  public static final class Json implements ScanSummarySink {
    private final JsonGenerator json;

    private Json(OutputStream out) throws IOException {
      this.json = ResultsJson.open(out);
      json.writeStartArray();
    }

    @Override
    public void startScan(String ref, Instant scanDate) throws IOException {
      json.writeStartObject();
      json.writeStringField("scanRef", ref);
      json.writeStringField("scanDate", QualysTime.format(scanDate));
      json.writeArrayFieldStart("hostSummary");
    }

    @Override
    public void hostSummary(String category, String tracking, String hosts) throws IOException {
      json.writeStartObject();
      json.writeStringField("category", category);
      json.writeStringField("tracking", tracking);
      json.writeStringField("hosts", hosts);
      json.writeEndObject();
    }

    @Override
    public void endScan() throws IOException {
      json.writeEndArray();
      json.writeEndObject();
    }

    public void finish() throws IOException {
      json.writeEndArray();
      json.close();
    }
  }
}
