package io.vigil.scan;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;

/**
 * The csv and csv_extended outputs, RFC 4180 with every non-null field quoted and null fields
 * left empty, as in Qualys' csv_extended samples.
 */
final class ResultsCsv {
  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL_NON_NULL).get();

  private ResultsCsv() {}

  static void writeFlat(ScanFindings findings, long scanId, ScanResultsWriter.Request request,
      OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv = new CSVPrinter(writer, FORMAT);
    List<String> header = new ArrayList<>(List.of("IP", "DNS", "NetBIOS", "QID", "Instance",
        "Result"));
    if (request.extended()) {
      header.addAll(List.of("Protocol", "Port", "SSL", "FQDN"));
    }
    csv.printRecord(header);
    findings.forEach(scanId, request.ips(), row -> {
      List<Object> values = new ArrayList<>(List.of(row.ipText(), "", "",
          Integer.toString(row.qidNumber()), "", row.results()));
      if (request.extended()) {
        values.addAll(List.of(row.protocol(), ScanResultsWriter.port(row),
            ScanResultsWriter.ssl(row), ""));
      }
      csv.printRecord(values);
    });
    csv.flush();
  }

  /**
   * Writes the account lines, the scan header (labels, then values), a blank line, the finding
   * table and, after another blank line, the trailer as label/value lines.
   */
  static void writeExtended(ScanFindings findings, Scan scan, ScanResultsWriter.Request request,
      ScanResultsWriter.Blocks blocks, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv = new CSVPrinter(writer, FORMAT);
    List<ResultsHeader.Field> account = blocks.account();
    csv.printRecord(values(account.subList(0, 2)));
    csv.printRecord(values(account.subList(2, 9)));
    csv.printRecord(values(account.subList(9, 12)));
    csv.printRecord(blocks.scan().stream().map(ResultsHeader.Field::label).toList());
    csv.printRecord(values(blocks.scan()));
    csv.println();
    csv.printRecord(ScanResultsWriter.EXTENDED_COLUMNS.stream().map(column -> column[1])
        .toList());
    findings.forEach(scan.id(), request.ips(), row -> {
      Object[] values = ScanResultsWriter.extendedValues(row);
      for (int i = 0; i < values.length; i++) {
        if (values[i] instanceof Integer number) {
          values[i] = number.toString();
        }
      }
      csv.printRecord(values);
    });
    csv.println();
    for (ResultsHeader.Field field : blocks.trailer()) {
      csv.printRecord(field.label(), field.value());
    }
    csv.flush();
  }

  private static List<String> values(List<ResultsHeader.Field> fields) {
    return fields.stream().map(ResultsHeader.Field::value).toList();
  }
}
