package io.vigil.bench;

import io.vigil.testing.FixedAssetScope;
import io.vigil.testing.TestServer;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark of the scan summary, which the test suite does not run. It fills an embedded H2
 * database with 10,000 scans of 1,000 dead hosts each. Then it streams the XML summary of all of
 * them through the HTTP server several times and prints the median time and the peak heap use.
 * Run it with bench/scan-summary.sh.
 */
public final class ScanSummaryBench {
  private static final int SCANS = Integer.getInteger("bench.scans", 10_000);
  private static final int HOSTS = Integer.getInteger("bench.hosts", 1_000);
  private static final int RUNS = Integer.getInteger("bench.runs", 5);

  private ScanSummaryBench() {}

  public static void main(String[] args) throws Exception {
    try (TestServer server = TestServer.builder().assetScope(FixedAssetScope.loopback())
        .start()) {
      long fillStart = System.nanoTime();
      fill(server);
      System.out.printf("filled %d scans x %d hosts in %.1f s%n", SCANS, HOSTS,
          (System.nanoTime() - fillStart) / 1e9);
      List<Double> seconds = new ArrayList<>();
      long maxHeap = 0;
      for (int run = 1; run <= RUNS; run++) {
        System.gc();
        resetPeaks();
        long start = System.nanoTime();
        long bytes = stream(server);
        double elapsed = (System.nanoTime() - start) / 1e9;
        long heap = peakHeap();
        seconds.add(elapsed);
        maxHeap = Math.max(maxHeap, heap);
        System.out.printf("run %d: %.2f s, %d MB of XML, peak heap %d MB%n", run, elapsed,
            bytes >> 20, heap >> 20);
      }
      Collections.sort(seconds);
      System.out.printf("median %.2f s over %d runs, max peak heap %d MB (-Xmx %d MB)%n",
          seconds.get(seconds.size() / 2), RUNS, maxHeap >> 20,
          Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  /** Inserts the scans and hosts in SQL, with every other address so no range merges. */
  private static void fill(TestServer server) {
    long subscription = server.server().accounts().defaultSubscription().id();
    server.server().database().jdbi().useHandle(handle -> {
      handle.createUpdate("INSERT INTO scan (subscription_id, ref, title, type, user_login,"
              + " option_profile_id, priority, target, state, processed, launched_at,"
              + " total_hosts) SELECT :sub, 'scan/1700000000.' || \"X\", 'bench', 'API', 'admin',"
              + " (SELECT MIN(id) FROM option_profile), 0, '', 'Finished', TRUE,"
              + " TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00' + \"X\" * INTERVAL '1' SECOND,"
              + " :hosts FROM SYSTEM_RANGE(1, :scans)")
          .bind("sub", subscription).bind("hosts", HOSTS).bind("scans", SCANS).execute();
      handle.createUpdate("INSERT INTO scan_host_not_scanned (scan_id, ip, reason,"
              + " tracking_method) SELECT s.id, 167772160 + 2 * r.\"X\", 'dead', 'IP'"
              + " FROM scan s, SYSTEM_RANGE(1, :hosts) r")
          .bind("hosts", HOSTS).execute();
    });
  }

  /** Streams the summary and returns its size in bytes, reading it in 64 KiB blocks. */
  private static long stream(TestServer server) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String credentials = Base64.getEncoder().encodeToString(
        ("admin:" + TestServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri()
            + "/api/2.0/fo/scan/summary/?action=list&scan_date_since=2024-01-01"))
        .header("X-Requested-With", "bench")
        .header("Authorization", "Basic " + credentials)
        .build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("Scan summary request failed with HTTP status "
          + response.statusCode());
    }
    long bytes = 0;
    byte[] buffer = new byte[65536];
    try (InputStream body = response.body()) {
      for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
        bytes += read;
      }
    }
    return bytes;
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  /** Returns the sum of the heap pools' peaks, an upper bound of the heap used at one time. */
  private static long peakHeap() {
    long total = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        total += pool.getPeakUsage().getUsed();
      }
    }
    return total;
  }
}
