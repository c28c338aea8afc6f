package io.vigil.scan;

import java.net.InetAddress;
import java.time.Instant;
import java.util.List;

/**
 * The outcome of scanning one host.
 *
 * @param address the scanned address
 * @param discovery whether the host replied and how
 * @param notScanned why the host has no results (DEAD, NOT_VULNERABLE or ABORTED), or null when
 *     it was scanned
 * @param evidence what showed that reason, such as the probes a dead host left unanswered, the
 *     closed ports of a host that is not vulnerable, or what stopped an aborted scan. It is null
 *     for a scanned host.
 * @param portsScanned how many TCP ports the port scan probed; 0 when it did not run
 * @param services the open TCP ports in ascending order, with their services
 * @param findings the port findings in port order, then the host-level findings
 * @param startedAt when the host scan started, by the engine's clock
 * @param finishedAt when the host scan finished, by the engine's clock
 */
public record HostScanResult(
    InetAddress address,
    Discovery discovery,
    NotScannedReason notScanned,
    String evidence,
    int portsScanned,
    List<OpenService> services,
    List<Finding> findings,
    Instant startedAt,
    Instant finishedAt) {

  public HostScanResult {
    services = List.copyOf(services);
    findings = List.copyOf(findings);
  }

  /** Returns the address in text form, e.g. "127.0.0.1" or "0:0:0:0:0:0:0:1". */
  public String ip() {
    return address.getHostAddress();
  }

  public boolean scanned() {
    return notScanned == null;
  }

  public List<Integer> openPorts() {
    return services.stream().map(OpenService::port).toList();
  }
}
