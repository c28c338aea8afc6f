package io.vigil.scan;

import com.fasterxml.jackson.core.JsonGenerator;
import io.vigil.scan.ScanSummarySink.HostEvidence;
import io.vigil.wire.QualysTime;
import io.vigil.wire.XmlOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
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

    /**
     * Writes HOST_SUMMARY, then with evidence one HOST_EVIDENCE per host, an element that only
     * Vigil's DTD declares.
     */
    @Override
    public void hostSummary(String category, String tracking, String hosts,
        List<HostEvidence> evidence) {
      xml.elementWithAttributes("HOST_SUMMARY", hosts, "category", category,
          "tracking", tracking);
      for (HostEvidence host : evidence) {
        xml.elementWithAttributes("HOST_EVIDENCE", host.evidence(), "host", host.host());
      }
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
   * list, every field quoted, lines ended with LF. With {@code withEvidence} the header has a
   * sixth column, EVIDENCE, and each row is one host with its evidence.
   */
  public static Csv csv(OutputStream out, boolean withEvidence) throws IOException {
    return new Csv(out, withEvidence);
  }

  /** Writes CSV; {@link Csv#finish} flushes it. */
  public static final class Csv implements ScanSummarySink {
    private static final CSVFormat FORMAT =
        CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).setRecordSeparator("\n").get();

    private final CSVPrinter csv;
    private final boolean withEvidence;
    private String ref;
    private String scanDate;

    private Csv(OutputStream out, boolean withEvidence) throws IOException {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      this.csv = new CSVPrinter(writer, FORMAT);
      this.withEvidence = withEvidence;
      if (withEvidence) {
        csv.printRecord("SCAN_REF", "SCAN_DATE", "CATEGORY", "TRACKING", "HOSTS", "EVIDENCE");
      } else {
        csv.printRecord("SCAN_REF", "SCAN_DATE", "CATEGORY", "TRACKING", "HOSTS");
      }
    }

    @Override
    public void startScan(String ref, Instant scanDate) {
      this.ref = ref;
      this.scanDate = QualysTime.format(scanDate);
    }

    @Override
    public void hostSummary(String category, String tracking, String hosts,
        List<HostEvidence> evidence) throws IOException {
      if (!withEvidence) {
        csv.printRecord(ref, scanDate, category, tracking, hosts);
        return;
      }
      for (HostEvidence host : evidence) {
        csv.printRecord(ref, scanDate, category, tracking, host.host(), host.evidence());
      }
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
   * hostSummary), with "/" written as "\/" as Qualys writes it. With {@code withEvidence} each
   * hostSummary object also has "evidence", an array of {host, evidence} objects.
   */
  public static Json json(OutputStream out, boolean withEvidence) throws IOException {
    return new Json(out, withEvidence);
  }

  /** Writes JSON; {@link Json#finish} closes the array. */
  public static final class Json implements ScanSummarySink {
    private final JsonGenerator json;
    private final boolean withEvidence;

    private Json(OutputStream out, boolean withEvidence) throws IOException {
      this.json = ResultsJson.open(out);
      this.withEvidence = withEvidence;
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
    public void hostSummary(String category, String tracking, String hosts,
        List<HostEvidence> evidence) throws IOException {
      json.writeStartObject();
      json.writeStringField("category", category);
      json.writeStringField("tracking", tracking);
      json.writeStringField("hosts", hosts);
      if (withEvidence) {
        json.writeArrayFieldStart("evidence");
        for (HostEvidence host : evidence) {
          json.writeStartObject();
          json.writeStringField("host", host.host());
          json.writeStringField("evidence", host.evidence());
          json.writeEndObject();
        }
        json.writeEndArray();
      }
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
