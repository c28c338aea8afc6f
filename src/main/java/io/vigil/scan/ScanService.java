package io.vigil.scan;

import io.vigil.asset.AssetScope;
import io.vigil.asset.TrackingMethod;
import io.vigil.db.Database;
import io.vigil.db.Dialect;
import io.vigil.scan.engine.TargetPolicy;
import io.vigil.net.IpRange;
import io.vigil.scan.ScanState.SubState;
import io.vigil.wire.QualysTime;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * VM scans: launch, list, state changes and results. Scans run in the background on the scan
 * scheduler; every action here returns at once.
 */
public final class ScanService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScanService.class);

  /** States from which a scan's results can be fetched. */
  private static final List<ScanState> FETCHABLE =
      List.of(ScanState.FINISHED, ScanState.CANCELED, ScanState.PAUSED, ScanState.ERROR);

  private final ScanStore store;
  private final ScanHostStore hosts;
  private final AssetScope assets;
  private final Clock clock;
  private final ScanRunner runner;
  private final ScanScheduler scheduler;
  private final TargetPolicy policy;
  private final HostNames names;

  private ScanService(ScanStore store, ScanHostStore hosts, AssetScope assets,
      TargetPolicy policy, HostNames names, Clock clock, ScanRunner runner,
      ScanScheduler scheduler) {
    this.store = store;
    this.hosts = hosts;
    this.assets = assets;
    this.policy = policy;
    this.names = names;
    this.clock = clock;
    this.runner = runner;
    this.scheduler = scheduler;
  }

  /**
   * Starts the scan scheduler and schedules every scan that should be running, such as one
   * launched just before a crash.
   */
  public static ScanService start(Database database, OptionProfileService profiles,
      AssetScope assets, TargetPolicy policy, HostNames names, Clock clock) {
    ScanStore store = new ScanStore(database.jdbi());
    ScanHostStore hosts = new ScanHostStore(database.jdbi());
    ScanRunner runner = new ScanRunner(store, hosts, profiles, assets, policy, names, clock);
    ScanScheduler scheduler =
        new ScanScheduler(database.dataSource(), database.dialect() == Dialect.H2, runner);
    scheduler.start();
    for (long scanId : store.unfinishedScanIds()) {
      scheduler.schedule(scanId);
    }
    return new ScanService(store, hosts, assets, policy, names, clock, runner, scheduler);
  }

  /**
   * A launch request with its parameters parsed.
   *
   * @param ipRanges the requested IPs and ranges, empty for none
   * @param ipText the ip parameter as given, or ""
   * @param groupRanges the IPs of the requested asset groups
   * @param groupTitles the titles of the requested asset groups, for the list and results
   * @param clientId the client of a Consultant subscription, or null
   */
  public record LaunchRequest(
      String title,
      OptionProfile profile,
      List<IpRange> ipRanges,
      String ipText,
      List<IpRange> groupRanges,
      List<String> groupTitles,
      List<String> fqdns,
      List<IpRange> excludedPerScan,
      String scanner,
      int priority,
      Long clientId) {}

  /** Stores a new scan in state Queued and schedules it; returns the scan. */
  public Scan launch(long subscriptionId, String login, LaunchRequest request) {
    Instant now = clock.instant();
    List<IpRange> requested = new java.util.ArrayList<>(request.ipRanges());
    requested.addAll(request.groupRanges());
    ScanTargets.Resolved targets =
        ScanTargets.resolve(
            assets, policy, names, subscriptionId, now, requested, request.fqdns(),
            request.excludedPerScan());
    String target = request.ipText().isEmpty() && !request.groupRanges().isEmpty()
        ? ScanTargets.describe(IpRange.merge(request.groupRanges())) : request.ipText();
    long id =
        store.insert(
            new ScanStore.NewScan(
                subscriptionId,
                request.title(),
                login,
                request.clientId(),
                request.profile().id(),
                request.priority(),
                target,
                String.join(", ", request.groupTitles()),
                ScanTargets.describe(targets.excludedRanges()),
                String.join(", ", request.fqdns()),
                request.scanner(),
                now,
                targets));
    Scan scan = store.findById(id).orElseThrow();
    log.info("Scan launched: ref={} id={} hosts={} skipped={} by={}", scan.ref(), id,
        targets.toScan().size(), countByReason(targets.notScanned()), login);
    scheduler.schedule(id);
    return scan;
  }

  /** Returns the hosts' count per reason for a log line, such as "3 (excluded=2 blocked=1)". */
  private static String countByReason(List<NotScannedHost> hosts) {
    Map<String, Integer> counts = new TreeMap<>();
    for (NotScannedHost host : hosts) {
      counts.merge(host.reason().summaryCategory(), 1, Integer::sum);
    }
    StringJoiner text = new StringJoiner(" ", hosts.size() + " (", ")");
    counts.forEach((reason, count) -> text.add(reason + "=" + count));
    return hosts.isEmpty() ? "0" : text.toString();
  }

  public List<Scan> list(long subscriptionId, ScanListQuery query) {
    return store.list(subscriptionId, query);
  }

  /**
   * Returns the scan with this reference.
   *
   * @throws InvalidScanParameterException when the subscription has no such scan
   */
  public Scan find(long subscriptionId, String ref) {
    return store
        .findByRef(subscriptionId, ref)
        .orElseThrow(
            () -> new InvalidScanParameterException("scan_ref", ref, "no scan has this reference"));
  }

  /** Cancels a Queued, Running, Paused or Loading scan; its unscanned hosts become cancelled. */
  public void cancel(long subscriptionId, String ref, String login) {
    Scan scan = find(subscriptionId, ref);
    List<ScanState> from =
        List.of(ScanState.QUEUED, ScanState.RUNNING, ScanState.PAUSED, ScanState.LOADING);
    if (!store.transition(scan.id(), from, ScanState.CANCELED, null, clock.instant())) {
      throw wrongState(scan, "cancelled", "a Queued, Running, Paused or Loading scan");
    }
    runner.stop(scan.id());
    scheduler.unschedule(scan.id());
    String evidence = "the scan was cancelled by " + login + " at "
        + QualysTime.format(clock.instant()) + ", before this host was done";
    int cancelled = hosts.cancelPendingHosts(scan.id(), ip -> {
      TrackingMethod tracking = assets.trackingMethod(subscriptionId, ip);
      return new NotScannedHost(ip, names.listedName(ip, tracking).orElse(null),
          NotScannedReason.CANCELLED, tracking, evidence);
    });
    log.info("Scan cancelled: ref={} hostsCancelled={} by={}", ref, cancelled, login);
  }

  /**
   * Pauses a Running scan (sub-state Pausing until its task stops) or a Queued one (at once).
   */
  public void pause(long subscriptionId, String ref, String login) {
    Scan scan = find(subscriptionId, ref);
    if (store.transition(scan.id(), List.of(ScanState.RUNNING), ScanState.PAUSED,
        SubState.PAUSING, null)) {
      runner.stop(scan.id());
    } else if (store.transition(scan.id(), List.of(ScanState.QUEUED), ScanState.PAUSED, null,
        null)) {
      scheduler.unschedule(scan.id());
    } else {
      throw wrongState(scan, "paused", "a Running or Queued scan");
    }
    log.info("Scan pause requested: ref={} by={}", ref, login);
  }

  /** Resumes a Paused scan whose pause has completed. */
  public void resume(long subscriptionId, String ref, String login) {
    Scan scan = find(subscriptionId, ref);
    if (!store.transition(scan.id(), List.of(ScanState.PAUSED), true, ScanState.PAUSED,
        SubState.RESUMING, null)) {
      if (scan.state() == ScanState.PAUSED && scan.subState() == SubState.PAUSING) {
        throw new InvalidScanParameterException("scan_ref", ref,
            "the scan is still pausing; resume it once its state is Paused without a"
                + " sub-state");
      }
      throw wrongState(scan, "resumed", "a Paused scan");
    }
    scheduler.schedule(scan.id());
    log.info("Scan resume requested: ref={} by={}", ref, login);
  }

  /** Deletes a Finished, Canceled, Error or Paused scan with its results. */
  public void delete(long subscriptionId, String ref, String login) {
    Scan scan = find(subscriptionId, ref);
    boolean deletable = scan.state().isFinal()
        || (scan.state() == ScanState.PAUSED && scan.subState() == null);
    if (!deletable) {
      throw wrongState(scan, "deleted", "a Finished, Canceled, Error or Paused scan; cancel it"
          + " first");
    }
    scheduler.unschedule(scan.id());
    store.delete(scan.id());
    log.info("Scan deleted: ref={} by={}", ref, login);
  }

  /**
   * Returns the scan whose results a fetch reads.
   *
   * @throws InvalidScanParameterException when the scan does not exist or is still running
   */
  public Scan fetchable(long subscriptionId, String ref) {
    Scan scan = find(subscriptionId, ref);
    if (!FETCHABLE.contains(scan.state())) {
      throw wrongState(scan, "fetched", "a Finished, Canceled, Paused or Error scan");
    }
    return scan;
  }

  /** Returns the scan's target hosts that have no results, in address order. */
  public List<NotScannedHost> notScanned(long scanId) {
    return hosts.notScanned(scanId);
  }

  /** Returns how many scanned hosts were alive so far. */
  public int aliveHosts(long scanId) {
    return hosts.aliveHosts(scanId);
  }

  /** Returns how many hosts of the scan are done and how many open ports they have. */
  public ScanProgress progress(Scan scan) {
    return hosts.progress(scan.id(), scan.totalHosts());
  }

  /** Returns the finding storage that a results writer streams from. */
  public ScanFindings findings() {
    return new ScanFindings(store.jdbi());
  }

  /** Returns the storage that the scan summary of hosts not scanned streams from. */
  public ScanSummaries summaries() {
    return new ScanSummaries(store.jdbi());
  }

  private static InvalidScanParameterException wrongState(Scan scan, String verb,
      String allowed) {
    String state = scan.state().apiName()
        + (scan.subState() == null ? "" : " (" + scan.subState().apiName() + ")");
    return new InvalidScanParameterException("scan_ref", scan.ref(),
        "the scan is " + state + "; only " + allowed + " can be " + verb);
  }

  /** Stops the scan scheduler; running scans continue on the next start. */
  @Override
  public void close() {
    scheduler.close();
  }
}
