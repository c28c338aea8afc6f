package io.vigil.http;

import io.vigil.account.Client;
import io.vigil.net.IpRange;
import io.vigil.scan.Scan;
import io.vigil.scan.ScanListQuery;
import io.vigil.scan.ScanProgress;
import io.vigil.scan.ScanService;
import io.vigil.scan.ScanState;
import io.vigil.wire.ApiException;
import io.vigil.wire.QualysTime;
import io.vigil.wire.XmlOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The list action of /api/2.0/fo/scan/ and its SCAN_LIST_OUTPUT document. */
final class ScanListOutput {
  static final String DTD = "/api/2.0/fo/scan/scan_list_output.dtd";

  /** Scans launched in this window are listed when no launch date filter is given. */
  static final Duration DEFAULT_WINDOW = Duration.ofDays(30);

  private static final List<String> TYPES = List.of("On-Demand", "Scheduled", "API");

  private final ScanService scans;
  private final ClientParameters clients;

  ScanListOutput(ScanService scans, ClientParameters clients) {
    this.scans = scans;
    this.clients = clients;
  }

  ActionSpec action() {
    return ClientParameters.accept(
            ActionSpec.readAction("list")
                .optional("scan_ref", "state", "processed", "type", "target", "user_login",
                    "launched_after_datetime", "launched_before_datetime", "show_ags",
                    "show_op", "show_status", "show_progress"))
        .handledBy(this::list);
  }

  private void list(ApiRequest request, ApiResponse response) {
    boolean showAgs = request.flag("show_ags", false);
    boolean showOp = request.flag("show_op", false);
    boolean showStatus = request.flag("show_status", true);
    boolean showProgress = request.flag("show_progress", false);
    Instant after = request.dateTime("launched_after_datetime").orElse(null);
    Instant before = request.dateTime("launched_before_datetime").orElse(null);
    if (after == null && before == null) {
      after = Instant.parse(response.now()).minus(DEFAULT_WINDOW);
    }
    List<Long> targets = new ArrayList<>();
    for (IpRange range : ScanResource.ipList(request, "target")) {
      if (range.size() > 256) {
        throw ApiException.invalidValue("target", range.toString(),
            "a range in the target filter may hold at most 256 addresses");
      }
      for (long address = range.first(); address <= range.last(); address++) {
        targets.add(address);
      }
    }
    Long clientId = clients.resolve(request).map(Client::id).orElse(null);
    ScanListQuery query =
        new ScanListQuery(
            request.string("scan_ref").orElse(null),
            states(request),
            request.has("processed") ? request.flag("processed", false) : null,
            request.oneOf("type", TYPES).orElse(null),
            targets,
            request.string("user_login").orElse(null),
            after,
            before,
            clientId);
    List<Scan> found = scans.list(request.subscription().id(), query);
    boolean consultant = request.subscription().isConsultant();
    Instant now = Instant.parse(response.now());
    response.xml(
        "SCAN_LIST_OUTPUT",
        DTD,
        xml -> {
          xml.start("RESPONSE");
          xml.element("DATETIME", response.now());
          if (!found.isEmpty()) {
            xml.start("SCAN_LIST");
            for (Scan scan : found) {
              writeScan(xml, scan, now, consultant, showAgs, showOp, showStatus);
              if (showProgress) {
                writeProgress(xml, scans.progress(scan));
              }
              xml.end();
            }
            xml.end();
          }
          xml.end();
        });
  }

  private static Set<ScanState> states(ApiRequest request) {
    Set<ScanState> states = EnumSet.noneOf(ScanState.class);
    for (String name : ScanResource.split(request.string("state").orElse(""))) {
      states.add(
          ScanState.parse(name)
              .orElseThrow(
                  () ->
                      ApiException.invalidValue("state", name,
                          "use one of: Running, Paused, Canceled, Finished, Error, Queued,"
                              + " Loading")));
    }
    return states;
  }

  /** Writes a SCAN element without its end tag, so that the caller may append PROGRESS. */
  private static void writeScan(XmlOutput xml, Scan scan, Instant now, boolean consultant,
      boolean showAgs, boolean showOp, boolean showStatus) {
    xml.start("SCAN");
    xml.element("REF", scan.ref());
    xml.element("TYPE", scan.type());
    xml.cdataElement("TITLE", scan.title());
    if (consultant && scan.clientId() != null) {
      xml.start("CLIENT");
      xml.element("ID", scan.clientId());
      xml.cdataElement("NAME", scan.clientName());
      xml.end();
    }
    xml.element("USER_LOGIN", scan.userLogin());
    xml.element("LAUNCH_DATETIME", QualysTime.format(scan.launchedAt()));
    xml.element("DURATION", scan.durationText(now));
    xml.element("PROCESSING_PRIORITY", scan.priorityText());
    xml.element("PROCESSED", scan.processed() ? "1" : "0");
    if (showStatus) {
      xml.start("STATUS");
      xml.element("STATE", scan.state().apiName());
      if (scan.subState() != null) {
        xml.element("SUB_STATE", scan.subState().apiName());
      }
      xml.end();
    }
    xml.cdataElement("TARGET", targetText(scan));
    if (showAgs && !scan.assetGroups().isEmpty()) {
      xml.start("ASSET_GROUP_TITLE_LIST");
      for (String title : ScanResource.split(scan.assetGroups())) {
        xml.cdataElement("ASSET_GROUP_TITLE", title);
      }
      xml.end();
    }
    if (showOp) {
      xml.start("OPTION_PROFILE");
      xml.cdataElement("TITLE", scan.optionProfileTitle());
      xml.element("DEFAULT_FLAG", scan.optionProfileDefault() ? "1" : "0");
      xml.end();
    }
  }

  /** Writes Vigil's PROGRESS element, the last child of SCAN, asked for with show_progress=1. */
  private static void writeProgress(XmlOutput xml, ScanProgress progress) {
    xml.start("PROGRESS");
    xml.element("HOSTS_DONE", progress.hostsDone());
    xml.element("HOSTS_TOTAL", progress.hostsTotal());
    xml.element("OPEN_PORTS", progress.openPorts());
    xml.end();
  }

  /** Returns the TARGET text: the requested IPs, then host names, comma-separated. */
  private static String targetText(Scan scan) {
    if (scan.fqdn().isEmpty()) {
      return scan.target();
    }
    return scan.target().isEmpty() ? scan.fqdn() : scan.target() + ", " + scan.fqdn();
  }
}
