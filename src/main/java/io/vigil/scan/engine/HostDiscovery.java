package io.vigil.scan.engine;

import io.vigil.scan.Discovery;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a host is alive. TCP connects to the discovery ports come first: an accepted
 * or a refused connection proves the host is there, a timeout proves nothing. When no port
 * replied and ICMP echo is on, {@link InetAddress#isReachable} gets the last word.
 */
final class HostDiscovery {
  private static final Logger log = LoggerFactory.getLogger(HostDiscovery.class);

  private final ScanOptions options;
  private final ConnectScanner scanner;

  HostDiscovery(ScanOptions options) {
    this.options = options;
    this.scanner = new ConnectScanner(options.connectTimeout(), options.maxConcurrentProbes());
  }

  Discovery discover(InetAddress address, HostDeadline deadline) {
    Map<Integer, PortState> states = scanner.scan(address, options.discoveryPorts(), deadline);
    for (Map.Entry<Integer, PortState> entry : states.entrySet()) {
      if (entry.getValue() == PortState.OPEN) {
        return new Discovery(true, "TCP port " + entry.getKey() + " accepted a connection");
      }
    }
    for (Map.Entry<Integer, PortState> entry : states.entrySet()) {
      if (entry.getValue() == PortState.CLOSED) {
        return new Discovery(true, "TCP port " + entry.getKey() + " refused the connection");
      }
    }
    String tcpPart = states.isEmpty()
        ? "no TCP discovery ports configured"
        : "no reply from TCP ports " + portList(states) + " within "
            + options.connectTimeout().toMillis() + " ms";
    if (!options.icmpEcho()) {
      return new Discovery(false, tcpPart + ". ICMP echo is off.");
    }
    deadline.check();
    int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis());
    try {
      if (address.isReachable(timeoutMillis)) {
        return new Discovery(
            true, "InetAddress.isReachable got a reply (ICMP echo, or TCP port 7 without root)");
      }
    } catch (IOException e) {
      log.debug("{} isReachable failed: {}", address.getHostAddress(), e.toString());
      return new Discovery(false, tcpPart + ". InetAddress.isReachable failed: " + e.getMessage());
    }
    return new Discovery(
        false, tcpPart + ". No reply to InetAddress.isReachable within " + timeoutMillis + " ms.");
  }

  private static String portList(Map<Integer, PortState> states) {
    return states.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
  }
}
