package io.vigil.scan.engine;

import java.time.Duration;

/**
 * What the engine scans on each host and how fast. Build one with {@link #builder()}; every
 * option has a default.
 *
 * <p>A host scan keeps at most {@code maxConcurrentProbes} sockets open, so a scan of several
 * hosts keeps at most {@code maxHostsInParallel * maxConcurrentProbes}. The product is capped at
 * {@value #MAX_OPEN_SOCKETS} to stay far below common file-descriptor limits.
 *
 * @param tcpPorts the ports of the TCP port scan
 * @param discoveryPorts the TCP ports that host discovery connects to
 * @param connectTimeout how long one TCP connect may take before the port counts as filtered
 * @param readTimeout how long the engine waits for a greeting or a reply on an open port
 * @param maxConcurrentProbes how many connects a host scan has in flight at once
 * @param maxHostsInParallel how many hosts {@link ScanEngine#scanHosts} scans at once
 * @param scanDeadHosts whether to port scan a host that no discovery probe showed alive
 * @param icmpEcho whether discovery calls {@link java.net.InetAddress#isReachable} when no TCP
 *     probe got a reply. The JDK sends an ICMP echo request only when the process may open raw
 *     sockets (root or CAP_NET_RAW on Linux). Otherwise it connects to TCP port 7 (echo), and a
 *     refused connection also counts as a reply.
 * @param maxHostDuration how long one host scan may take, by the engine's clock, before it is
 *     aborted
 */
public record ScanOptions(
    PortList tcpPorts,
    PortList discoveryPorts,
    Duration connectTimeout,
    Duration readTimeout,
    int maxConcurrentProbes,
    int maxHostsInParallel,
    boolean scanDeadHosts,
    boolean icmpEcho,
    Duration maxHostDuration) {

  /** Upper bound of {@code maxHostsInParallel * maxConcurrentProbes}. */
  public static final int MAX_OPEN_SOCKETS = 4096;

  /** Ports that common servers, workstations and network devices leave open or refuse on. */
  public static final PortList DEFAULT_DISCOVERY_PORTS =
      PortList.of(21, 22, 23, 25, 53, 80, 110, 135, 139, 143, 443, 445, 993, 3306, 3389, 8080);

  public ScanOptions {
    requireNonNull("tcpPorts", tcpPorts);
    requireNonNull("discoveryPorts", discoveryPorts);
    requirePositive("connectTimeout", connectTimeout);
    requirePositive("readTimeout", readTimeout);
    requirePositive("maxHostDuration", maxHostDuration);
    requireRange("maxConcurrentProbes", maxConcurrentProbes, 1, 1024);
    requireRange("maxHostsInParallel", maxHostsInParallel, 1, 256);
    long sockets = (long) maxConcurrentProbes * maxHostsInParallel;
    if (sockets > MAX_OPEN_SOCKETS) {
      throw new InvalidScanOptionException(
          "maxConcurrentProbes",
          "maxHostsInParallel * maxConcurrentProbes is " + sockets + ", above the limit of "
              + MAX_OPEN_SOCKETS + " open sockets. Lower one of them.");
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder that starts from these options. */
  public Builder toBuilder() {
    return new Builder()
        .tcpPorts(tcpPorts)
        .discoveryPorts(discoveryPorts)
        .connectTimeout(connectTimeout)
        .readTimeout(readTimeout)
        .maxConcurrentProbes(maxConcurrentProbes)
        .maxHostsInParallel(maxHostsInParallel)
        .scanDeadHosts(scanDeadHosts)
        .icmpEcho(icmpEcho)
        .maxHostDuration(maxHostDuration);
  }

  private static void requireNonNull(String name, Object value) {
    if (value == null) {
      throw new InvalidScanOptionException(name, name + " is missing");
    }
  }

  private static void requirePositive(String name, Duration value) {
    requireNonNull(name, value);
    if (value.isNegative() || value.isZero() || value.toMillis() == 0) {
      throw new InvalidScanOptionException(
          name, name + " must be at least 1 ms, got " + value);
    }
  }

  private static void requireRange(String name, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidScanOptionException(
          name, name + " must be between " + min + " and " + max + ", got " + value);
    }
  }

  /** Collects options; {@link #build} validates them. */
  public static final class Builder {
    private PortList tcpPorts = PortList.standard();
    private PortList discoveryPorts = DEFAULT_DISCOVERY_PORTS;
    private Duration connectTimeout = Duration.ofSeconds(2);
    private Duration readTimeout = Duration.ofSeconds(3);
    private int maxConcurrentProbes = 64;
    private int maxHostsInParallel = 8;
    private boolean scanDeadHosts = false;
    private boolean icmpEcho = true;
    private Duration maxHostDuration = Duration.ofMinutes(30);

    private Builder() {}

    public Builder tcpPorts(PortList ports) {
      this.tcpPorts = ports;
      return this;
    }

    public Builder discoveryPorts(PortList ports) {
      this.discoveryPorts = ports;
      return this;
    }

    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = timeout;
      return this;
    }

    public Builder readTimeout(Duration timeout) {
      this.readTimeout = timeout;
      return this;
    }

    public Builder maxConcurrentProbes(int max) {
      this.maxConcurrentProbes = max;
      return this;
    }

    public Builder maxHostsInParallel(int max) {
      this.maxHostsInParallel = max;
      return this;
    }

    public Builder scanDeadHosts(boolean scan) {
      this.scanDeadHosts = scan;
      return this;
    }

    public Builder icmpEcho(boolean enabled) {
      this.icmpEcho = enabled;
      return this;
    }

    public Builder maxHostDuration(Duration max) {
      this.maxHostDuration = max;
      return this;
    }

    /** @throws InvalidScanOptionException naming the first invalid option */
    public ScanOptions build() {
      return new ScanOptions(
          tcpPorts, discoveryPorts, connectTimeout, readTimeout, maxConcurrentProbes,
          maxHostsInParallel, scanDeadHosts, icmpEcho, maxHostDuration);
    }
  }
}
