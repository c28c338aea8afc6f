package io.vigil.http;

import io.vigil.scan.NotScannedReason;
import io.vigil.scan.ScanSummaries;
import io.vigil.scan.ScanSummaryQuery;
import io.vigil.scan.ScanSummaryWriters;
import io.vigil.wire.ApiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * /api/2.0/fo/scan/summary/: the target hosts that scans launched in a date range did not scan,
 * per category and tracking method, as XML (the default), CSV or JSON. The output streams from
 * the database as it is read.
 *
 * <p>{@code show_evidence=1} is Vigil's own parameter: it adds each host's evidence to the
 * output. Without it the output is Qualys' format unchanged.
 */
final class ScanSummaryResource {
  static final String PATH = "/api/2.0/fo/scan/summary/";
  static final String DTD = PATH + "scan_summary_output.dtd";

  private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

  /** The include_* parameters and their categories. Only include_dead is on by default. */
  private static final Map<String, NotScannedReason> INCLUDE = new LinkedHashMap<>();

  static {
    for (NotScannedReason reason : NotScannedReason.values()) {
      INCLUDE.put(reason.includeParameter(), reason);
    }
  }

  private static final List<String> FORMATS = List.of("XML", "CSV", "JSON");
  private static final List<String> TRACKING = List.of("IP", "DNS", "NETBIOS", "EC2");

  private final ScanSummaries summaries;
  private final Clock clock;

  ScanSummaryResource(ScanSummaries summaries, Clock clock) {
    this.summaries = summaries;
    this.clock = clock;
  }

  ApiResource resource() {
    return ApiResource.of(
        PATH,
        ActionSpec.readAction("list")
            .required("scan_date_since")
            .optional("scan_date_to", "output_format", "tracking_method", "show_evidence")
            .optional(INCLUDE.keySet().toArray(String[]::new))
            .handledBy(this::list));
  }

  private void list(ApiRequest request, ApiResponse response) {
    // Every parameter is checked before the first byte is written, so errors get a
    // SIMPLE_RETURN with their code.
    String format = request.oneOf("output_format", FORMATS).orElse("XML");
    ScanSummaryQuery query = query(request);
    long subscription = request.subscription().id();
    switch (format) {
      case "CSV" -> response.stream("text/csv;charset=UTF-8", out -> {
        ScanSummaryWriters.Csv csv = ScanSummaryWriters.csv(out, query.withEvidence());
        summaries.stream(subscription, query, csv);
        csv.finish();
      });
      case "JSON" -> response.stream("application/json;charset=UTF-8", out -> {
        ScanSummaryWriters.Json json = ScanSummaryWriters.json(out, query.withEvidence());
        summaries.stream(subscription, query, json);
        json.finish();
      });
      default -> response.xml("SCAN_SUMMARY_OUTPUT", DTD, xml -> {
        xml.start("RESPONSE").element("DATETIME", response.now());
        ScanSummaryWriters.Xml list = ScanSummaryWriters.xml(xml);
        try {
          summaries.stream(subscription, query, list);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        list.finish();
        xml.end();
      });
    }
  }

  /** Parses the dates, categories and tracking method. Invalid values get code 1905. */
  ScanSummaryQuery query(ApiRequest request) {
    LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
    LocalDate since = date(request, "scan_date_since");
    if (since.isAfter(today)) {
      throw ApiException.invalidValue("scan_date_since", request.required("scan_date_since"),
          "must not be after today, " + today + " UTC");
    }
    LocalDate to = today;
    if (request.has("scan_date_to")) {
      to = date(request, "scan_date_to");
      if (to.isBefore(since)) {
        throw ApiException.invalidValue("scan_date_to", request.required("scan_date_to"),
            "must not be before scan_date_since, " + since);
      }
      if (to.isAfter(today)) {
        throw ApiException.invalidValue("scan_date_to", request.required("scan_date_to"),
            "must not be after today, " + today + " UTC");
      }
    }
    Set<NotScannedReason> reasons = EnumSet.noneOf(NotScannedReason.class);
    for (Map.Entry<String, NotScannedReason> include : INCLUDE.entrySet()) {
      boolean byDefault = include.getValue() == NotScannedReason.DEAD;
      if (request.flag(include.getKey(), byDefault)) {
        reasons.add(include.getValue());
      }
    }
    String tracking = request.oneOf("tracking_method", TRACKING).orElse(null);
    return new ScanSummaryQuery(
        since.atStartOfDay(ZoneOffset.UTC).toInstant(),
        to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(),
        reasons,
        tracking,
        request.flag("show_evidence", false));
  }

  private static LocalDate date(ApiRequest request, String name) {
    String value = request.required(name);
    if (DATE.matcher(value).matches()) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw ApiException.invalidValue(name, value, "not a valid date");
      }
    }
    throw ApiException.invalidValue(name, value, "use the format YYYY-MM-DD");
  }
}
