package io.vigil.cli;

import io.vigil.VigilException;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil scan launch|list|show|summary}: VM scans on a running Vigil server, through the
 * same API that Qualys clients call.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Launch, follow and read VM scans on a running Vigil server through its API."
        + " The password comes from VIGIL_PASSWORD, --password-stdin or a terminal prompt.")
final class ScanCommand {
  static final String DEFAULT_OPTION_PROFILE = "Initial Options";

  @Spec CommandSpec spec;

  /** Environment that supplies VIGIL_URL, VIGIL_USER and VIGIL_PASSWORD. Tests replace it. */
  Map<String, String> environment = System.getenv();

  /** Whether standard output is a terminal, where progress redraws one line. Tests set it. */
  boolean terminal = System.console() != null;

  /** Time between two polls of a scan that {@code launch --wait} follows. Tests shorten it. */
  Duration pollInterval = Duration.ofSeconds(1);

  @Command(
      name = "launch",
      mixinStandardHelpOptions = true,
      description = "Launch a VM scan and print its reference. With --wait, show its progress"
          + " until it ends, then a summary per host; the exit code is 0 when the scan"
          + " Finished and 1 when it was Canceled or ended in Error.")
  int launch(
      @Mixin ApiOptions api,
      @Option(names = "--ip", paramLabel = "IPS",
          description = "Target IPs and ranges, comma-separated, such as"
              + " 127.0.0.1,127.0.0.5-127.0.0.9.") String ips,
      @Option(names = "--asset-group-ids", paramLabel = "IDS",
          description = "Ids of target asset groups, comma-separated.") String assetGroupIds,
      @Option(names = "--exclude-ip", paramLabel = "IPS",
          description = "IPs and ranges to skip in this scan, comma-separated.") String excludeIps,
      @Option(names = "--title", paramLabel = "TITLE", description = "Title of the scan.")
          String title,
      @Option(names = "--option-title", paramLabel = "TITLE",
          description = "Title of the option profile (default \"" + DEFAULT_OPTION_PROFILE
              + "\").") String optionTitle,
      @Option(names = "--option-id", paramLabel = "ID",
          description = "Id of the option profile, in place of --option-title.") Long optionId,
      @Option(names = "--wait",
          description = "Follow the scan until it ends, polling every second, then print the"
              + " results per host. A Paused scan is followed until it is resumed and ends, or"
              + " cancelled.") boolean wait) {
    if (isBlank(ips) && isBlank(assetGroupIds)) {
      throw new VigilException("Missing target: pass --ip or --asset-group-ids.");
    }
    if (optionTitle != null && optionId != null) {
      throw new VigilException("Pass either --option-title or --option-id, not both.");
    }
    Map<String, String> params = new LinkedHashMap<>();
    putIfSet(params, "scan_title", title);
    if (optionId != null) {
      params.put("option_id", Long.toString(optionId));
    } else {
      params.put("option_title", optionTitle != null ? optionTitle : DEFAULT_OPTION_PROFILE);
    }
    putIfSet(params, "ip", ips);
    putIfSet(params, "asset_group_ids", assetGroupIds);
    putIfSet(params, "exclude_ip_per_scan", excludeIps);
    ScanApi scans = new ScanApi(api.connect(environment));
    String ref = scans.launch(params);
    PrintWriter out = out();
    out.println(ref);
    if (!wait) {
      return 0;
    }
    out.flush();
    ScanListEntry entry = new ScanWaiter(scans, out, terminal, pollInterval).await(ref);
    ScanResults results = scans.fetch(ref);
    out.println();
    ScanReport.printHosts(out, results);
    if (entry.state().equals("Finished")) {
      return 0;
    }
    spec.commandLine().getErr().println("vigil: scan " + ref + " ended in state "
        + entry.stateText() + ".");
    return 1;
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List scans, the most recent launch first. Without --days the server lists"
          + " the scans launched in the last 30 days.")
  int list(
      @Mixin ApiOptions api,
      @Option(names = "--state", paramLabel = "STATES",
          description = "Only scans in these states, comma-separated: Running, Paused,"
              + " Canceled, Finished, Error, Queued, Loading.") String state,
      @Option(names = "--days", paramLabel = "N",
          description = "Only scans launched in the last N days.") Integer days) {
    Map<String, String> filters = new LinkedHashMap<>();
    putIfSet(filters, "state", state);
    if (days != null) {
      if (days < 1) {
        throw new VigilException("Invalid --days " + days + ": use 1 or more.");
      }
      Instant after = Instant.now().minus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
      filters.put("launched_after_datetime", after.toString());
    }
    List<ScanListEntry> entries = new ScanApi(api.connect(environment)).list(filters);
    if (entries.isEmpty()) {
      out().println("No scans match.");
      return 0;
    }
    TextTable table =
        new TextTable("REF", "TITLE", "STATE", "LAUNCHED", "DURATION", "TARGET");
    for (ScanListEntry entry : entries) {
      table.row(entry.ref(), TextTable.cut(entry.title(), 30), entry.stateText(),
          entry.launched(), entry.duration(), TextTable.cut(entry.target(), 40));
    }
    table.print(out());
    return 0;
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "Show a scan's header, a summary per host and every finding. Results exist"
          + " once the scan is Finished, Canceled, Paused or Error.")
  int show(
      @Mixin ApiOptions api,
      @Parameters(paramLabel = "REF", description = "Scan reference, such as"
          + " scan/1796403412.00001.") String ref) {
    ScanApi scans = new ScanApi(api.connect(environment));
    ScanListEntry entry = scans.find(ref);
    PrintWriter out = out();
    boolean fetchable = entry.ended() || entry.state().equals("Paused");
    if (!fetchable) {
      ScanReport.printHeader(out, entry, null);
      out.println();
      out.println(ScanWaiter.progressLine(entry));
      out.println("Results appear once the scan is Finished, Canceled, Paused or Error.");
      return 0;
    }
    ScanResults results = scans.fetch(ref);
    ScanReport.printHeader(out, entry, results);
    out.println();
    ScanReport.printHosts(out, results);
    out.println();
    ScanReport.printFindings(out, results);
    return 0;
  }

  @Command(
      name = "summary",
      mixinStandardHelpOptions = true,
      description = "List the target hosts that scans did not scan, and why: per scan,"
          + " category (notvuln, cancelled, dead, excluded, unresolved, duplicate, aborted,"
          + " blocked) and tracking method. With --explain, one line per host with the evidence"
          + " the scan recorded.")
  int summary(
      @Mixin ApiOptions api,
      @Option(names = "--since", paramLabel = "DATE",
          description = "Scans launched on or after this day, YYYY-MM-DD in UTC (default 30"
              + " days before --to, or the launch day of --scan).") String since,
      @Option(names = "--to", paramLabel = "DATE",
          description = "Scans launched on or before this day, YYYY-MM-DD in UTC (default"
              + " today, or the launch day of --scan).") String to,
      @Option(names = "--category", paramLabel = "CATEGORIES", split = ",",
          description = "Only these categories, comma-separated (default all).")
          List<String> categories,
      @Option(names = "--tracking", paramLabel = "METHOD",
          description = "Only hosts tracked by IP, DNS, NETBIOS or EC2.") String tracking,
      @Option(names = "--scan", paramLabel = "REF",
          description = "Only the scan with this reference.") String scanRef,
      @Option(names = "--explain",
          description = "Print each host with its evidence: the probes that got no reply, the"
              + " exclusion that matched, who cancelled the scan and when.") boolean explain) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    LocalDate from = since == null ? null : parseDay("--since", since, today);
    LocalDate until = to == null ? null : parseDay("--to", to, today);
    RemoteApi remote = api.connect(environment);
    if (scanRef != null) {
      // The summary API filters by launch day only, so the scan's own day bounds the request.
      LocalDate launchDay = LocalDate.parse(
          new ScanApi(remote).find(scanRef).launched().substring(0, 10));
      from = from != null ? from : launchDay;
      until = until != null ? until : launchDay;
    }
    if (from == null) {
      from = (until != null ? until : today).minusDays(30);
    }
    if (until != null && until.isBefore(from)) {
      throw new VigilException("Invalid date range: --to " + until + " is before the start, "
          + from + (since == null ? " (the launch day of --scan)" : "") + ".");
    }
    List<String> selected = categories == null ? List.of()
        : categories.stream().map(category -> category.strip().toLowerCase(Locale.ROOT)).toList();
    Map<String, String> params = ScanSummaryReport.parameters(from.toString(),
        until == null ? null : until.toString(), selected, tracking, explain);
    RemoteApi.Reply reply = remote.get(ScanSummaryReport.PATH, params);
    if (!reply.contentType().contains("json")) {
      throw new VigilException("The server sent " + reply.contentType()
          + " where a JSON scan summary was expected.");
    }
    ScanSummaryReport.print(out(), reply.body(), scanRef, explain);
    return 0;
  }

  private static LocalDate parseDay(String option, String value, LocalDate today) {
    LocalDate day;
    try {
      day = LocalDate.parse(value);
    } catch (DateTimeParseException e) {
      throw new VigilException("Invalid " + option + " " + value + ": use YYYY-MM-DD.", e);
    }
    if (day.isAfter(today)) {
      throw new VigilException("Invalid " + option + " " + value + ": it is after today, "
          + today + " UTC.");
    }
    return day;
  }

  private static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }

  private static void putIfSet(Map<String, String> params, String name, String value) {
    if (!isBlank(value)) {
      params.put(name, value.strip());
    }
  }

  private PrintWriter out() {
    return spec.commandLine().getOut();
  }
}
