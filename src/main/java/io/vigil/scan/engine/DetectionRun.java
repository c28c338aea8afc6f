package io.vigil.scan.engine;

import io.vigil.scan.OpenService;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Detects the services on the open ports of one host on a few threads, because a silent port
 * blocks a thread for several read timeouts.
 */
final class DetectionRun {
  /** Threads per host. Each uses one socket at a time, so this also bounds open sockets. */
  static final int MAX_THREADS = 8;

  private final ServiceDetector detector;
  private final InetAddress address;
  private final HostDeadline deadline;
  private final Notifier notifier;

  DetectionRun(
      ServiceDetector detector, InetAddress address, HostDeadline deadline, Notifier notifier) {
    this.detector = detector;
    this.address = address;
    this.deadline = deadline;
    this.notifier = notifier;
  }

  /**
   * Returns the services in the order of {@code openPorts}.
   *
   * @throws HostScanAbortedException when the deadline passes or the thread is interrupted
   */
  List<OpenService> detect(List<Integer> openPorts) {
    if (openPorts.isEmpty()) {
      return List.of();
    }
    int threads = Math.min(openPorts.size(), MAX_THREADS);
    ExecutorService pool = Executors.newFixedThreadPool(
        threads, new NamedThreads("vigil-scan-detect-" + address.getHostAddress()));
    try {
      List<Future<OpenService>> futures = new ArrayList<>();
      for (int port : openPorts) {
        futures.add(pool.submit(() -> detectOne(port)));
      }
      List<OpenService> services = new ArrayList<>();
      for (Future<OpenService> future : futures) {
        services.add(future.get());
      }
      return services;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new HostScanAbortedException("the scan thread was interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof HostScanAbortedException aborted) {
        throw aborted;
      }
      throw new HostScanAbortedException("service detection failed: " + e.getCause(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private OpenService detectOne(int port) {
    deadline.check();
    OpenService service = detector.detect(address, port, deadline);
    notifier.run(() -> notifier.listener().serviceDetected(address, service));
    return service;
  }
}
