package io.vigil.scan.engine;

import io.vigil.scan.HostScanResult;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the host scans of one {@link ScanEngine#scanHosts} call on a bounded pool.
 *
 * <p>When the calling thread is interrupted, the batch interrupts the host scans, waits up to
 * {@link #SHUTDOWN_WAIT} for them to return ABORTED results, marks the hosts that did not
 * finish ABORTED too, and returns with the interrupt flag set.
 */
final class HostBatch {
  static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(HostBatch.class);

  private final ScanEngine engine;
  private final int maxParallel;
  private final Clock clock;

  HostBatch(ScanEngine engine, int maxParallel, Clock clock) {
    this.engine = engine;
    this.maxParallel = maxParallel;
    this.clock = clock;
  }

  List<HostScanResult> run(List<InetAddress> addresses, ScanListener listener) {
    if (addresses.isEmpty()) {
      return List.of();
    }
    log.info("scan of {} hosts started (maxHostsInParallel={})", addresses.size(), maxParallel);
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.min(maxParallel, addresses.size()), new NamedThreads("vigil-scan-host"));

    List<Future<HostScanResult>> futures = new ArrayList<>();
    for (InetAddress address : addresses) {
      futures.add(pool.submit(() -> engine.scanHost(address, listener)));
    }
    pool.shutdown();

    List<HostScanResult> results = new ArrayList<>();
    boolean interrupted = false;
    for (int i = 0; i < futures.size(); i++) {
      if (interrupted) {
        results.add(collectAfterInterrupt(futures.get(i), addresses.get(i)));
        continue;
      }
      try {
        results.add(futures.get(i).get());
      } catch (InterruptedException e) {
        interrupted = true;
        stop(pool);
        results.add(collectAfterInterrupt(futures.get(i), addresses.get(i)));
      } catch (ExecutionException e) {
        // scanHost turns its own failures into results; this is a bug, kept to one host.
        log.error("host {} scan failed", addresses.get(i).getHostAddress(), e.getCause());
        results.add(abortedHost(addresses.get(i), "internal error: " + e.getCause()));
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }

    long alive = results.stream().filter(result -> result.discovery().alive()).count();
    log.info("scan of {} hosts finished (alive={}, interrupted={})", addresses.size(), alive,
        interrupted);
    return results;
  }

  private void stop(ExecutorService pool) {
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
        log.warn("host scans still running {} after the interrupt; reporting them ABORTED",
            SHUTDOWN_WAIT);
      }
    } catch (InterruptedException e) {
      log.warn("interrupted again while waiting for host scans to stop");
    }
  }

  private HostScanResult collectAfterInterrupt(Future<HostScanResult> future, InetAddress address) {
    if (future.isDone() && !future.isCancelled()) {
      try {
        return future.get();
      } catch (InterruptedException | ExecutionException e) {
        // Fall through to an ABORTED result.
      }
    }
    return abortedHost(address, "the scan was interrupted before this host finished");
  }

  private HostScanResult abortedHost(InetAddress address, String message) {
    return engine.aborted(address, null, clock.instant(), message);
  }
}
