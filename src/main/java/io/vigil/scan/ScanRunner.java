package io.vigil.scan;

import io.vigil.asset.AssetScope;
import io.vigil.asset.TrackingMethod;
import io.vigil.net.IpRange;
import io.vigil.scan.ScanState.SubState;
import io.vigil.scan.engine.ScanEngine;
import io.vigil.scan.engine.ScanListener;
import io.vigil.scan.engine.TargetPolicy;
import java.net.InetAddress;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one scan on the calling thread: the pending hosts in batches of the profile's "hosts in
 * parallel", each host's results committed with the host marked done as soon as it finishes.
 * A run that stops part way leaves the unfinished hosts pending, so the next run of the same
 * scan, on this node or another, continues without scanning a finished host again.
 *
 * <p>Between batches the runner rereads the scan's state, so a pause or cancel made on any node
 * stops it. A pause or cancel made on this node also interrupts the running batch.
 */
final class ScanRunner {
  private static final Logger log = LoggerFactory.getLogger(ScanRunner.class);

  /** Logging context key whose value, the scan reference, the engine's log lines carry. */
  static final String LOG_SCAN_KEY = "scan";

  /** The scan task's next step after a run. */
  enum Outcome {
    /** The scan finished, failed, paused, was cancelled or deleted: remove the task. */
    DONE,
    /** The server is stopping: run the task again, on whichever node picks it up. */
    RESCHEDULE
  }

  /** The reason a running scan was asked to stop. */
  private enum StopReason {
    STATE_CHANGE,
    SHUTDOWN
  }

  /**
   * A scan running on this node: its thread, the reason it was asked to stop, and whether it is inside
   * the engine. The thread is interrupted only there, never during database work, because an
   * interrupt can break a JDBC call or the H2 file under it.
   */
  private static final class Running {
    final Thread thread;
    volatile StopReason stop;
    boolean inEngine;

    Running(Thread thread) {
      this.thread = thread;
    }
  }

  private final ScanStore store;
  private final ScanHostStore hosts;
  private final OptionProfileService profiles;
  private final AssetScope assets;
  private final TargetPolicy policy;
  private final HostNames names;
  private final Clock clock;
  private final Map<Long, Running> running = new ConcurrentHashMap<>();
  private final ExecutorService committer =
      Executors.newSingleThreadExecutor(ScanScheduler.threads("vigil-scan-commit"));
  private volatile boolean shuttingDown;

  ScanRunner(ScanStore store, ScanHostStore hosts, OptionProfileService profiles,
      AssetScope assets, TargetPolicy policy, HostNames names, Clock clock) {
    this.store = store;
    this.hosts = hosts;
    this.profiles = profiles;
    this.assets = assets;
    this.policy = policy;
    this.names = names;
    this.clock = clock;
  }

  /** Runs or continues the scan. A runtime failure ends the scan in state Error. */
  Outcome run(long scanId) {
    if (shuttingDown) {
      return Outcome.RESCHEDULE;
    }
    Running self = new Running(Thread.currentThread());
    running.put(scanId, self);
    try {
      return runRegistered(scanId, self);
    } catch (RuntimeException e) {
      log.error("Scan failed: id={}", scanId, e);
      store.markError(scanId, "internal error: " + e, clock.instant());
      return Outcome.DONE;
    } finally {
      MDC.remove(LOG_SCAN_KEY);
      running.remove(scanId);
      // Clears an interrupt that arrived after the last batch, so it cannot leak into the
      // scheduler's next task on this thread.
      Thread.interrupted();
    }
  }

  private Outcome runRegistered(long scanId, Running self) {
    Scan scan = store.findById(scanId).orElse(null);
    if (scan == null || !startable(scan)) {
      return Outcome.DONE;
    }
    MDC.put(LOG_SCAN_KEY, scan.ref());
    OptionProfile profile =
        profiles
            .findById(scan.subscriptionId(), scan.optionProfileId())
            .orElseThrow(() -> new IllegalStateException(
                "Option profile " + scan.optionProfileId() + " of scan " + scan.ref()
                    + " does not exist"));
    ScanEngine engine = new ScanEngine(profile.toScanOptions(), clock, policy);
    store.markRunning(scanId, clock.instant());
    log.info("Scan started: ref={} profile={}", scan.ref(), profile.title());
    while (true) {
      if (self.stop == StopReason.SHUTDOWN || shuttingDown) {
        log.info("Scan interrupted by shutdown, to continue later: ref={}", scan.ref());
        return Outcome.RESCHEDULE;
      }
      Scan current = store.findById(scanId).orElse(null);
      if (current == null) {
        log.info("Scan stopped because it was deleted: ref={}", scan.ref());
        return Outcome.DONE;
      }
      if (current.state() != ScanState.RUNNING) {
        stopped(current);
        return Outcome.DONE;
      }
      List<Long> batch = hosts.pendingHosts(scanId, profile.hostsInParallel());
      if (batch.isEmpty()) {
        if (hosts.finish(scanId, clock.instant())) {
          log.info("Scan finished: ref={}", scan.ref());
        }
        return Outcome.DONE;
      }
      scanBatch(scan, engine, batch, self);
    }
  }

  private static boolean startable(Scan scan) {
    return scan.state() == ScanState.QUEUED
        || scan.state() == ScanState.RUNNING
        || (scan.state() == ScanState.PAUSED && scan.subState() == SubState.RESUMING);
  }

  private void stopped(Scan scan) {
    if (scan.state() == ScanState.PAUSED) {
      if (store.transition(scan.id(), List.of(ScanState.PAUSED), ScanState.PAUSED, null, null)) {
        log.info("Scan paused: ref={}", scan.ref());
      }
    } else {
      log.info("Scan task ended: ref={} state={}", scan.ref(), scan.state().apiName());
    }
  }

  private void scanBatch(Scan scan, ScanEngine engine, List<Long> batch, Running self) {
    List<InetAddress> addresses = new ArrayList<>();
    for (long ip : batch) {
      String blocked = ScanTargets.policyBlock(policy, ip);
      if (blocked != null) {
        // The operator changed --scan-allow or --scan-deny after the launch, so the engine would
        // reject this host: it is recorded as blocked, and the rest of the scan goes on.
        InetAddress address = IpRange.toInetAddress(ip);
        commit(scan, new HostScanResult(address, new Discovery(false, "not probed"),
            NotScannedReason.BLOCKED, blocked + ", since the scan was launched", 0, List.of(),
            List.of(), clock.instant(), clock.instant()), self);
      } else {
        addresses.add(IpRange.toInetAddress(ip));
      }
    }
    if (addresses.isEmpty()) {
      return;
    }
    // Each host is committed as soon as it finishes, on the commit thread: the engine's host
    // threads are interrupted when a scan stops, and must not be inside a transaction then.
    List<Future<?>> commits = Collections.synchronizedList(new ArrayList<>());
    ScanListener listener =
        new ScanListener() {
          @Override
          public void hostFinished(HostScanResult result) {
            commits.add(committer.submit(() -> commit(scan, result, self)));
          }
        };
    synchronized (self) {
      if (self.stop != null) {
        return;
      }
      self.inEngine = true;
    }
    List<HostScanResult> results;
    try {
      results = engine.scanHosts(addresses, listener);
    } finally {
      synchronized (self) {
        self.inEngine = false;
        Thread.interrupted();
      }
    }
    List<Future<?>> submitted;
    synchronized (commits) {
      submitted = new ArrayList<>(commits);
    }
    for (Future<?> commit : submitted) {
      awaitCommit(scan, commit);
    }
    // This catches a host whose commit failed on the commit thread, and does nothing for the
    // others, because a host's results are stored only while the host is pending.
    for (HostScanResult result : results) {
      commit(scan, result, self);
    }
  }

  private static void awaitCommit(Scan scan, Future<?> commit) {
    try {
      commit.get();
    } catch (ExecutionException e) {
      log.error("Storing a host's results failed; retrying on the scan thread: ref={}",
          scan.ref(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while storing results of " + scan.ref(), e);
    }
  }

  private void commit(Scan scan, HostScanResult result, Running self) {
    if (result.notScanned() == NotScannedReason.ABORTED && self.stop != null) {
      // Stopped by a pause, cancel or shutdown: the host stays pending for the next run.
      return;
    }
    long ip = IpRange.toNumber(result.address());
    TrackingMethod tracking = assets.trackingMethod(scan.subscriptionId(), ip);
    HostScanResult named = named(result, ip, tracking);
    boolean stored = hosts.commitHost(scan.id(), ip, named, tracking,
        names.listedName(ip, tracking).orElse(null), clock.instant());
    if (stored && named.scanned()) {
      log.info("Scan host finished: ref={} ip={} alive={} findings={}", scan.ref(), result.ip(),
          result.discovery().alive(), result.findings().size());
    } else if (stored) {
      log.info("Scan host not scanned: ref={} ip={} reason={} evidence={}", scan.ref(),
          result.ip(), named.notScanned().summaryCategory(), named.evidence());
    }
  }

  /**
   * Adds the host's DNS name to a scanned host's findings (QID 6). When the host is tracked by a
   * name that does not resolve, turns the result into an unresolved one instead, because Qualys
   * cannot tell which asset such results belong to and reports the host as not scanned.
   */
  private HostScanResult named(HostScanResult result, long ip, TrackingMethod tracking) {
    if (!result.scanned()) {
      return result;
    }
    Optional<String> dns = names.dnsName(ip);
    boolean unresolved =
        tracking == TrackingMethod.DNS && dns.isEmpty()
            || tracking == TrackingMethod.NETBIOS && names.netbiosName(ip).isEmpty();
    if (unresolved) {
      String kind = tracking == TrackingMethod.DNS ? "DNS" : "NetBIOS";
      return new HostScanResult(result.address(), result.discovery(), NotScannedReason.UNRESOLVED,
          "scanned, but the hosts file has no " + kind + " name for " + result.ip()
              + ", which its " + kind + " tracking needs to report it",
          result.portsScanned(), List.of(), List.of(), result.startedAt(), result.finishedAt());
    }
    if (dns.isEmpty()) {
      return result;
    }
    List<Finding> findings = new ArrayList<>(result.findings());
    findings.add(new Finding(ScanQid.DNS_HOST_NAME, null, false,
        "IP address\tHost name\n" + result.ip() + "\t" + dns.get()));
    return new HostScanResult(result.address(), result.discovery(), null, null,
        result.portsScanned(), result.services(), findings, result.startedAt(),
        result.finishedAt());
  }

  /** Interrupts the scan if it runs on this node, after a pause or cancel changed its state. */
  void stop(long scanId) {
    Running scan = running.get(scanId);
    if (scan != null) {
      requestStop(scan, StopReason.STATE_CHANGE);
    }
  }

  /** Interrupts every scan running on this node; their tasks are rescheduled. */
  void shutdown() {
    shuttingDown = true;
    for (Running scan : running.values()) {
      requestStop(scan, StopReason.SHUTDOWN);
    }
  }

  /** Stops the commit thread after the scans have returned. */
  void close() {
    committer.shutdown();
    try {
      if (!committer.awaitTermination(30, TimeUnit.SECONDS)) {
        log.warn("Scan result commits still running 30 s after shutdown");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void requestStop(Running scan, StopReason reason) {
    synchronized (scan) {
      if (scan.stop != StopReason.SHUTDOWN) {
        scan.stop = reason;
      }
      if (scan.inEngine) {
        scan.thread.interrupt();
      }
    }
  }
}
