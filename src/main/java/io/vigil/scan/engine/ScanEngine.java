package io.vigil.scan.engine;

import io.vigil.scan.Discovery;
import io.vigil.scan.Finding;
import io.vigil.scan.HostScanResult;
import io.vigil.scan.NotScannedReason;
import io.vigil.scan.OpenService;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Vigil's network scan engine: host discovery, a TCP connect port scan and service detection,
 * with findings keyed by Qualys QIDs. It keeps no state between scans, so one engine may run
 * many scans at once. It has no network defaults: every target comes from the caller, and the
 * engine rejects targets its {@link TargetPolicy} does not allow before sending anything.
 *
 * <p>The clock stamps start and end times and enforces {@link ScanOptions#maxHostDuration()};
 * socket timeouts run on the system timer.
 */
public final class ScanEngine {
  private static final Logger log = LoggerFactory.getLogger(ScanEngine.class);

  private final ScanOptions options;
  private final Clock clock;
  private final HostDiscovery discovery;
  private final ConnectScanner portScanner;
  private final ServiceDetector detector;
  private final TargetPolicy policy;

  /** Creates an engine that scans loopback addresses only. */
  public ScanEngine(ScanOptions options, Clock clock) {
    this(options, clock, TargetPolicy.loopbackOnly());
  }

  /** Creates an engine that probes only the addresses {@code policy} allows. */
  public ScanEngine(ScanOptions options, Clock clock, TargetPolicy policy) {
    this.options = options;
    this.clock = clock;
    this.policy = policy;
    this.discovery = new HostDiscovery(options);
    this.portScanner = new ConnectScanner(options.connectTimeout(), options.maxConcurrentProbes());
    this.detector = new ServiceDetector(options);
  }

  public ScanOptions options() {
    return options;
  }

  /**
   * Scans one host on the calling thread and returns its result. Errors inside the scan, the
   * time limit and an interrupt end it with an ABORTED result instead of an exception; the
   * interrupt flag stays set.
   *
   * @throws TargetNotAllowedException before any probe, when the policy does not allow the address
   */
  public HostScanResult scanHost(InetAddress address, ScanListener listener) {
    policy.requireAllowed(address);
    Notifier notifier = new Notifier(listener);
    Instant start = clock.instant();
    HostDeadline deadline = new HostDeadline(clock, start, options.maxHostDuration());
    log.debug(
        "host {} scan started (ports={})", address.getHostAddress(), options.tcpPorts().size());
    notifier.run(() -> listener.hostStarted(address));
    HostScanResult result;
    Discovery found = null;
    try {
      found = discovery.discover(address, deadline);
      Discovery alive = found;
      notifier.run(() -> listener.hostDiscovered(address, alive));
      result = scanDiscovered(address, found, start, deadline, notifier);
    } catch (HostScanAbortedException e) {
      log.debug("host {} scan aborted: {}", address.getHostAddress(), e.getMessage());
      result = aborted(address, found, start, e.getMessage());
    } catch (RuntimeException e) {
      log.error("host {} scan failed", address.getHostAddress(), e);
      result = aborted(address, found, start, "internal error: " + e);
    }
    log.debug("host {} scan finished (alive={}, open={}, findings={})", address.getHostAddress(),
        result.discovery().alive(), result.services().size(), result.findings().size());
    HostScanResult finished = result;
    notifier.run(() -> listener.hostFinished(finished));
    return result;
  }

  /**
   * Scans several hosts, at most {@link ScanOptions#maxHostsInParallel()} at a time, and returns
   * their results in the order of {@code addresses}. When the calling thread is interrupted,
   * the hosts not finished within 30 seconds end ABORTED, and the method returns with the
   * interrupt flag set.
   *
   * @throws TargetNotAllowedException before any probe, when the policy does not allow an address
   */
  public List<HostScanResult> scanHosts(List<InetAddress> addresses, ScanListener listener) {
    addresses.forEach(policy::requireAllowed);
    return new HostBatch(this, options.maxHostsInParallel(), clock).run(addresses, listener);
  }

  private HostScanResult scanDiscovered(
      InetAddress address, Discovery found, Instant start, HostDeadline deadline,
      Notifier notifier) {
    if (!found.alive() && !options.scanDeadHosts()) {
      return new HostScanResult(address, found, NotScannedReason.DEAD, found.evidence(), 0,
          List.of(), List.of(), start, clock.instant());
    }
    Map<Integer, PortState> states = portScanner.scan(address, options.tcpPorts(), deadline);
    List<Integer> open = states.entrySet().stream()
        .filter(entry -> entry.getValue() == PortState.OPEN)
        .map(Map.Entry::getKey)
        .toList();
    notifier.run(() -> notifier.listener().portsScanned(address, open));
    Discovery discovery = found.alive() ? found : portScanEvidence(found, states);
    if (!discovery.alive()) {
      return new HostScanResult(address, discovery, NotScannedReason.DEAD,
          discovery.evidence() + " The port scan of " + states.size()
              + " TCP ports got no reply either.",
          states.size(), List.of(), List.of(), start, clock.instant());
    }
    if (open.isEmpty()) {
      // Every check of the engine reads an open TCP port, so a host without one cannot have a
      // finding: it is not vulnerable, and service detection has nothing to do.
      return new HostScanResult(address, discovery, NotScannedReason.NOT_VULNERABLE,
          notVulnerableEvidence(discovery, states), states.size(), List.of(), List.of(), start,
          clock.instant());
    }
    List<OpenService> services =
        new DetectionRun(detector, address, deadline, notifier).detect(open);
    Instant end = clock.instant();
    List<Finding> findings = FindingBuilder.build(services, start, end);
    return new HostScanResult(
        address, discovery, null, null, states.size(), services, findings, start, end);
  }

  private static String notVulnerableEvidence(Discovery discovery,
      Map<Integer, PortState> states) {
    long refused = states.values().stream().filter(state -> state == PortState.CLOSED).count();
    String alive = "alive (" + discovery.evidence() + "), but ";
    if (states.size() == 1) {
      return alive + "the option profile's one TCP port is not open: it "
          + (refused == 1 ? "refused the connection" : "got no reply");
    }
    return alive + "none of the " + states.size() + " TCP ports of the option profile is open: "
        + refused + " refused the connection, " + (states.size() - refused) + " got no reply";
  }

  /** With "scan dead hosts" on, a port that accepts or refuses in the port scan proves the host. */
  private static Discovery portScanEvidence(Discovery found, Map<Integer, PortState> states) {
    for (Map.Entry<Integer, PortState> entry : states.entrySet()) {
      if (entry.getValue() != PortState.FILTERED) {
        String reply = entry.getValue() == PortState.OPEN
            ? "accepted a connection" : "refused the connection";
        return new Discovery(true, "TCP port " + entry.getKey() + " " + reply
            + " in the port scan, after discovery found nothing: " + found.evidence());
      }
    }
    return found;
  }

  HostScanResult aborted(InetAddress address, Discovery found, Instant start, String message) {
    Discovery discovery = found != null ? found : new Discovery(false, "discovery did not finish");
    return new HostScanResult(address, discovery, NotScannedReason.ABORTED, message, 0, List.of(),
        List.of(), start, clock.instant());
  }
}
