package io.vigil.scan.engine;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TCP connect scan with non-blocking sockets on one selector thread. At most
 * {@code maxInFlight} connects are open at a time, and each gets {@code connectTimeout} before its
 * port counts as filtered. Connect timeouts are measured with {@link System#nanoTime}, because
 * they bound socket waits; the host deadline uses the engine's clock.
 */
final class ConnectScanner {
  private static final Logger log = LoggerFactory.getLogger(ConnectScanner.class);

  private final Duration connectTimeout;
  private final int maxInFlight;

  ConnectScanner(Duration connectTimeout, int maxInFlight) {
    this.connectTimeout = connectTimeout;
    this.maxInFlight = maxInFlight;
  }

  private record Attempt(int port, long deadlineNanos) {}

  /**
   * Connects to every port and returns the state of each, in port order.
   *
   * @throws HostScanAbortedException when the deadline passes, the thread is interrupted, or the
   *     process cannot open more sockets
   */
  Map<Integer, PortState> scan(InetAddress address, PortList ports, HostDeadline deadline) {
    Map<Integer, PortState> states = new TreeMap<>();
    int[] queue = ports.toArray();
    int next = 0;
    long timeoutNanos = connectTimeout.toNanos();
    try (Selector selector = Selector.open()) {
      try {
        while (next < queue.length || !selector.keys().isEmpty()) {
          deadline.check();
          // Cancelled keys count until the next select deregisters them, because their sockets
          // stay open until then.
          while (next < queue.length && selector.keys().size() < maxInFlight) {
            int port = queue[next++];
            start(selector, new InetSocketAddress(address, port), timeoutNanos, states);
          }
          long wait = nearestDeadline(selector) - System.nanoTime();
          if (wait > 0) {
            selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait)));
          } else {
            selector.selectNow();
          }
          finishSelected(selector, states);
          expire(selector, states);
        }
      } finally {
        // Closing a selector leaves its channels open, so an aborted scan closes them here.
        selector.keys().forEach(ConnectScanner::close);
      }
    } catch (IOException e) {
      // Selector.open and socket creation fail only for resource limits such as file descriptors.
      throw new HostScanAbortedException(
          "port scan of " + address.getHostAddress() + " failed: " + e.getMessage(), e);
    }
    return states;
  }

  private void start(
      Selector selector,
      InetSocketAddress target,
      long timeoutNanos,
      Map<Integer, PortState> states)
      throws IOException {
    SocketChannel channel = SocketChannel.open();
    try {
      channel.configureBlocking(false);
      if (channel.connect(target)) {
        states.put(target.getPort(), PortState.OPEN);
        channel.close();
        return;
      }
      Attempt attempt = new Attempt(target.getPort(), System.nanoTime() + timeoutNanos);
      channel.register(selector, SelectionKey.OP_CONNECT, attempt);
    } catch (ConnectException e) {
      states.put(target.getPort(), PortState.CLOSED);
      channel.close();
    } catch (IOException e) {
      // An unreachable network gives this port no state, so the scan goes on with the others.
      log.trace("{}:{} connect failed: {}", target.getHostString(), target.getPort(), e.toString());
      states.put(target.getPort(), PortState.FILTERED);
      channel.close();
    }
  }

  private static long nearestDeadline(Selector selector) {
    long nearest = Long.MAX_VALUE;
    for (SelectionKey key : selector.keys()) {
      if (key.isValid()) {
        nearest = Math.min(nearest, ((Attempt) key.attachment()).deadlineNanos());
      }
    }
    return nearest == Long.MAX_VALUE ? System.nanoTime() : nearest;
  }

  private static void finishSelected(Selector selector, Map<Integer, PortState> states) {
    Iterator<SelectionKey> selected = selector.selectedKeys().iterator();
    while (selected.hasNext()) {
      SelectionKey key = selected.next();
      selected.remove();
      Attempt attempt = (Attempt) key.attachment();
      SocketChannel channel = (SocketChannel) key.channel();
      PortState state;
      try {
        state = channel.finishConnect() ? PortState.OPEN : null;
      } catch (ConnectException e) {
        state = PortState.CLOSED;
      } catch (IOException e) {
        state = PortState.FILTERED;
      }
      if (state != null) {
        states.put(attempt.port(), state);
        close(key);
      }
    }
  }

  private static void expire(Selector selector, Map<Integer, PortState> states) {
    long now = System.nanoTime();
    for (SelectionKey key : selector.keys()) {
      Attempt attempt = (Attempt) key.attachment();
      if (key.isValid() && now - attempt.deadlineNanos() >= 0) {
        states.put(attempt.port(), PortState.FILTERED);
        close(key);
      }
    }
  }

  /** Cancels the key and closes its channel; the selector drops the key on its next select. */
  private static void close(SelectionKey key) {
    key.cancel();
    try {
      key.channel().close();
    } catch (IOException e) {
      log.trace("closing a probe socket failed: {}", e.toString());
    }
  }
}
