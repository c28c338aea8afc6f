package io.vigil.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.vigil.net.IpRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * A Linux network namespace with a veth pair to the host, for scan tests that need more than
 * loopback, such as an address where no host replies. The link is 198.18.N.0 with a prefix of
 * /24 to /29, /29 by default (198.18.0.0/15 is reserved for benchmark tests by RFC 2544). The
 * host side gets 198.18.N.1 and the namespace side 198.18.N.2, so the other addresses of the
 * link have nothing behind them until {@link #addNamespaceAddress} assigns them to the
 * namespace side. Before returning, {@link #create} checks with {@code ip route get} that every
 * address of the link from 198.18.N.2 up routes through this veth, so no probe can leave the
 * machine. {@link #close()} stops the listeners and deletes the veth pair and the namespace.
 *
 * <p>Needs root and the ip command of iproute2; without them {@link #create} skips the test.
 */
public final class NetworkNamespace implements AutoCloseable {
  /** The network that scans of namespace hosts must allow. */
  public static final IpRange NETWORK = IpRange.parse("198.18.0.0/15");

  private static final Path IP = Path.of("/usr/sbin/ip");
  private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(20);
  private static final Duration LISTENER_TIMEOUT = Duration.ofSeconds(20);

  /** Prefix length of the link that {@link #create()} makes. */
  public static final int DEFAULT_PREFIX_LENGTH = 29;

  private final String name;
  private final String hostInterface;
  private final int subnet;
  private final int prefixLength;
  private final List<Process> listeners = new ArrayList<>();

  private NetworkNamespace(String name, String hostInterface, int subnet, int prefixLength) {
    this.name = name;
    this.hostInterface = hostInterface;
    this.subnet = subnet;
    this.prefixLength = prefixLength;
  }

  /** Creates the namespace and the veth pair on a random 198.18.N.0/29 that no link uses. */
  public static NetworkNamespace create() {
    return create(DEFAULT_PREFIX_LENGTH);
  }

  /**
   * Creates the namespace and the veth pair on a random 198.18.N.0 link of this prefix length,
   * 24 to 29, on which no address is in use.
   */
  public static NetworkNamespace create(int prefixLength) {
    if (prefixLength < 24 || prefixLength > 29) {
      throw new IllegalArgumentException("Prefix length " + prefixLength + " is outside 24 to 29,"
          + " the links that fit in one 198.18.N.0/24");
    }
    RealDaemon.assumeInstalled(IP, "iproute2");
    RealDaemon.assumeRoot("creating network namespaces and veth links needs CAP_NET_ADMIN");
    SecureRandom random = new SecureRandom();
    String id = HexFormat.of().formatHex(random.generateSeed(4));
    int subnet = freeSubnet(random, prefixLength);
    NetworkNamespace namespace =
        new NetworkNamespace("vigil-test-" + id, "vgl" + id, subnet, prefixLength);
    try {
      namespace.ip("netns", "add", namespace.name);
    } catch (IllegalStateException e) {
      throw new TestAbortedException("ip netns add failed, so this test is skipped: "
          + e.getMessage());
    }
    try {
      namespace.configure();
      return namespace;
    } catch (RuntimeException e) {
      namespace.close();
      throw e;
    }
  }

  /** Returns the namespace name, "vigil-test-" and 8 hex digits. */
  public String name() {
    return name;
  }

  /** Returns the host side's address, 198.18.N.1. */
  public String hostAddress() {
    return address(1);
  }

  /** Returns the address inside the namespace, 198.18.N.2. */
  public String namespaceAddress() {
    return address(2);
  }

  /** Returns an address on the veth link that no host uses, 198.18.N.3. */
  public String unusedAddress() {
    return address(3);
  }

  /** Returns the link's prefix length, such as 29 for 198.18.N.0/29. */
  public int prefixLength() {
    return prefixLength;
  }

  /** Returns the highest host number of the link: 6 on a /29, 30 on a /27. */
  public int lastHost() {
    return (1 << (32 - prefixLength)) - 2;
  }

  /**
   * Returns the address 198.18.N.{@code host} of the link.
   *
   * @throws IllegalArgumentException unless {@code host} is from 1 to {@link #lastHost()}
   */
  public String address(int host) {
    if (host < 1 || host > lastHost()) {
      throw new IllegalArgumentException("Host " + host + " is not on the /" + prefixLength
          + " link; use 1 to " + lastHost());
    }
    return "198.18." + subnet + "." + host;
  }

  /**
   * Assigns 198.18.N.{@code host} to the namespace side too, so that it replies like a host:
   * it refuses connections to closed ports and accepts them on ports that a listener binds.
   */
  public String addNamespaceAddress(int host) {
    String address = address(host);
    if (host == 1) {
      throw new IllegalArgumentException(address + " is the host side of the veth");
    }
    ip("-n", name, "addr", "add", address + "/" + prefixLength, "dev", peerInterface());
    requireRouteThroughVeth(address);
    return address;
  }

  private String peerInterface() {
    return hostInterface + "n";
  }

  private void configure() {
    String peer = peerInterface();
    ip("link", "add", hostInterface, "type", "veth", "peer", "name", peer, "netns", name);
    ip("addr", "add", hostAddress() + "/" + prefixLength, "dev", hostInterface);
    ip("link", "set", hostInterface, "up");
    ip("-n", name, "addr", "add", namespaceAddress() + "/" + prefixLength, "dev", peer);
    ip("-n", name, "link", "set", peer, "up");
    ip("-n", name, "link", "set", "lo", "up");
    for (int host = 2; host <= lastHost(); host++) {
      requireRouteThroughVeth(address(host));
    }
  }

  /**
   * Fails unless the kernel sends packets for {@code address} out of this namespace's veth. A
   * test calls it, through {@link #create}, before any traffic to the address.
   */
  public void requireRouteThroughVeth(String address) {
    String route = ip("route", "get", address);
    if (!route.startsWith(address + " dev " + hostInterface + " ")) {
      throw new IllegalStateException("Route to " + address + " does not go through the test"
          + " veth " + hostInterface + ", so the test sends nothing: " + route.strip());
    }
  }

  /**
   * Starts {@link NamespaceListener} inside the namespace on {@link #namespaceAddress()}, with
   * an SSH-like banner on {@code port} and, when {@code stalledPort} is positive, a port that
   * never accepts. Returns once both sockets listen.
   */
  public void startListener(int port, int stalledPort, Path log) {
    List<String> arguments = new ArrayList<>(List.of(namespaceAddress(), Integer.toString(port)));
    if (stalledPort > 0) {
      arguments.add(Integer.toString(stalledPort));
    }
    startListener(arguments, log);
  }

  /**
   * Starts one {@link NamespaceListener} inside the namespace with sockets given as
   * {@code MODE=ADDRESS:PORT}, such as {@code silent=198.18.N.9:2222}; see its documentation for
   * the modes. The addresses must be the namespace's. Returns once every socket listens. The
   * listener writes one line per accepted connection to {@code log}.
   */
  public void startListener(List<String> sockets, Path log) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classes = Path.of(NamespaceListener.class.getProtectionDomain().getCodeSource()
        .getLocation().getPath()).toString();
    List<String> command = new ArrayList<>(List.of(IP.toString(), "netns", "exec", name, java,
        "-Xmx32m", "-cp", classes, NamespaceListener.class.getName()));
    command.addAll(sockets);
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Starting the namespace listener failed: " + command, e);
    }
    listeners.add(process);
    long deadline = System.nanoTime() + LISTENER_TIMEOUT.toNanos();
    while (!readLog(log).contains("listening on ")) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new IllegalStateException("The namespace listener did not start within "
            + LISTENER_TIMEOUT.toSeconds() + " s. Command: " + command + "\nOutput:\n"
            + readLog(log));
      }
      sleep(50);
    }
  }

  /**
   * Stops the listeners. The namespace keeps its addresses, so connections to them are refused
   * from then on.
   */
  public void stopListeners() {
    for (Process listener : listeners) {
      listener.destroy();
      try {
        if (!listener.waitFor(5, TimeUnit.SECONDS)) {
          listener.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      } catch (InterruptedException e) {
        listener.destroyForcibly();
        Thread.currentThread().interrupt();
      }
    }
    listeners.clear();
  }

  /** Stops the listeners, then deletes the veth pair and the namespace, even after errors. */
  @Override
  public void close() {
    stopListeners();
    List<String> failures = new ArrayList<>();
    // Deleting one end of a veth pair deletes the other end too. After a failed setup some
    // objects may not exist, so each step runs even when an earlier one failed.
    tryIp(failures, "link", "del", hostInterface);
    tryIp(failures, "netns", "del", name);
    if (ipQuietly("netns", "list").contains(name)) {
      throw new IllegalStateException("Namespace " + name + " still exists after cleanup: "
          + failures);
    }
  }

  private void tryIp(List<String> failures, String... arguments) {
    try {
      ip(arguments);
    } catch (RuntimeException e) {
      failures.add(e.getMessage());
    }
  }

  private static String ipQuietly(String... arguments) {
    try {
      return ip(arguments);
    } catch (RuntimeException e) {
      return "";
    }
  }

  private static String ip(String... arguments) {
    List<String> command = new ArrayList<>();
    command.add(IP.toString());
    command.addAll(List.of(arguments));
    return RealDaemon.run(command, COMMAND_TIMEOUT);
  }

  /** Picks N so that no link has an address in 198.18.N.0/{@code prefixLength} yet. */
  private static int freeSubnet(SecureRandom random, int prefixLength) {
    for (int attempt = 0; attempt < 20; attempt++) {
      int subnet = 1 + random.nextInt(254);
      String network = "198.18." + subnet + ".0/" + prefixLength;
      if (ip("-o", "addr", "show", "to", network).isBlank()) {
        return subnet;
      }
    }
    throw new IllegalStateException("No free 198.18.N.0/" + prefixLength + " subnet found in 20"
        + " attempts");
  }

  private static String readLog(Path log) {
    try {
      return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for the namespace listener", e);
    }
  }
}
