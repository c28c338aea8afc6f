package io.vigil.bench;

import io.vigil.db.Dialect;
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
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.Handle;

/**
 * Benchmark of the scan summary, which the test suite does not run. It fills the test database
 * with 10,000 scans of 1,000 dead hosts each, in set-based SQL. Then it streams the XML summary of
 * all of them through the HTTP server several times. For each run it prints the total time, the
 * time to the first byte, the peak heap and the live heap. Run it with bench/scan-summary.sh.
 *
 * <p>The database is H2 in a temporary file unless {@code -Dvigil.test.db=postgres} and
 * {@code -Dvigil.test.pg.url} select PostgreSQL, as for the tests (see TestDatabase).
 */
public final class ScanSummaryBench {
  private static final int SCANS = Integer.getInteger("bench.scans", 10_000);
  private static final int HOSTS = Integer.getInteger("bench.hosts", 1_000);
  private static final int RUNS = Integer.getInteger("bench.runs", 5);

  /** Scans whose hosts one INSERT statement adds, so no transaction contains all rows. */
  private static final int SCANS_PER_INSERT = Integer.getInteger("bench.scansPerInsert", 1_000);

  /** Interval of the full collections that measure the live heap, or 0 for none. */
  private static final long LIVE_HEAP_SAMPLE_MS = Long.getLong("bench.liveHeapSampleMs", 2_000);

  /** Launch time of the first scan, 2024-01-01T00:00:00Z, in seconds since the epoch. */
  private static final long FIRST_LAUNCH_EPOCH = 1_704_067_200L;

  /** First host address, 10.0.0.0, as an unsigned number. */
  private static final long FIRST_ADDRESS = 167_772_160L;

  private ScanSummaryBench() {}

  /** Times of one streamed summary in nanoseconds from the request, and what it contained. */
  private record Run(
      long headersNanos, long firstByteNanos, long halfBytesNanos, long totalNanos, long bytes,
      long scans, long peakHeap, long liveHeap) {}

  public static void main(String[] args) throws Exception {
    try (TestServer server = TestServer.builder().assetScope(FixedAssetScope.loopback())
        .start()) {
      Dialect dialect = server.server().database().dialect();
      long fillStart = System.nanoTime();
      fill(server, dialect);
      System.out.printf("filled %d scans x %d hosts (%d rows) on %s in %.1f s, load %.2f%n",
          SCANS, HOSTS, (long) SCANS * HOSTS, dialect, seconds(System.nanoTime() - fillStart),
          loadAverage());
      List<Run> runs = new ArrayList<>();
      for (int number = 1; number <= RUNS; number++) {
        Run run = measure(server);
        runs.add(run);
        System.out.printf("run %d: %.2f s, headers %.2f s, first byte %.2f s, half of the bytes"
                + " %.2f s, %d bytes, %d scans, peak heap %d MB, live heap %s, load %.2f%n",
            number, seconds(run.totalNanos()), seconds(run.headersNanos()),
            seconds(run.firstByteNanos()), seconds(run.halfBytesNanos()), run.bytes(),
            run.scans(), run.peakHeap() >> 20, megabytes(run.liveHeap()), loadAverage());
      }
      long maxPeak = max(runs, Run::peakHeap);
      long maxLive = max(runs, Run::liveHeap);
      System.out.printf("median %.2f s, median first byte %.2f s over %d runs,"
              + " %.1f ns per row, max peak heap %d MB, max live heap %s (-Xmx %d MB)%n",
          median(runs, run -> seconds(run.totalNanos())),
          median(runs, run -> seconds(run.firstByteNanos())), RUNS,
          median(runs, run -> (double) run.totalNanos()) / ((double) SCANS * HOSTS),
          maxPeak >> 20, megabytes(maxLive), Runtime.getRuntime().maxMemory() >> 20);
    }
  }

  /**
   * Inserts the scans in one statement, then their hosts in statements of
   * {@link #SCANS_PER_INSERT} scans, then updates the tables' statistics. The rows look like those
   * of finished scans whose hosts were all dead: refs scan/EPOCH.NNNNN, one launch a minute from
   * 2024-01-01, and hosts at every other address from 10.0.0.2 so that no two merge into a range.
   */
  private static void fill(TestServer server, Dialect dialect) {
    long subscription = server.server().accounts().defaultSubscription().id();
    server.server().database().jdbi().useHandle(handle -> {
      long start = System.nanoTime();
      handle.createUpdate("INSERT INTO scan (subscription_id, ref, title, type, user_login,"
              + " option_profile_id, priority, target, state, processed, launched_at,"
              + " started_at, ended_at, total_hosts)"
              + " SELECT :sub, 'scan/' || (:epoch + 60 * r.x) || '.'"
              + " || LPAD(CAST(MOD(r.x, 100000) AS VARCHAR), 5, '0'), 'bench', 'API', 'admin',"
              + " (SELECT MIN(id) FROM option_profile), 0, :target, 'Finished', TRUE,"
              + " " + launchTime("r.x", 0) + ", " + launchTime("r.x", 2) + ", "
              + launchTime("r.x", 50) + ", :hosts FROM " + range(dialect, ":scans"))
          .bind("sub", subscription).bind("epoch", FIRST_LAUNCH_EPOCH)
          .bind("target", "10.0.0.0/16").bind("hosts", HOSTS).bind("scans", SCANS).execute();
      System.out.printf("inserted %d scans in %.1f s%n", SCANS,
          seconds(System.nanoTime() - start));
      // Identity values may have gaps, so the chunks step over the ids, not the scan count.
      long firstId = handle.createQuery("SELECT MIN(id) FROM scan").mapTo(Long.class).one();
      long lastId = handle.createQuery("SELECT MAX(id) FROM scan").mapTo(Long.class).one();
      for (long first = firstId; first <= lastId; first += SCANS_PER_INSERT) {
        insertHosts(handle, dialect, first, Math.min(first + SCANS_PER_INSERT - 1, lastId));
      }
      // Fresh statistics, as a database that has run for a while has, so that the planner
      // chooses its plan for the real row counts.
      String analyze = dialect == Dialect.H2 ? "ANALYZE TABLE " : "ANALYZE ";
      handle.execute(analyze + "scan");
      handle.execute(analyze + "scan_host_not_scanned");
    });
  }

  /** Inserts the dead hosts of the scans with ids first to last, in autocommit. */
  private static void insertHosts(Handle handle, Dialect dialect, long first, long last) {
    long start = System.nanoTime();
    int rows = handle.createUpdate("INSERT INTO scan_host_not_scanned (scan_id, ip, reason,"
            + " tracking_method) SELECT s.id, :address + 2 * r.x, 'dead', 'IP'"
            + " FROM scan s, " + range(dialect, ":hosts")
            + " WHERE s.id BETWEEN :first AND :last ORDER BY s.id, r.x")
        .bind("address", FIRST_ADDRESS).bind("hosts", HOSTS)
        .bind("first", first).bind("last", last).execute();
    System.out.printf("inserted %d host rows of scans %d-%d in %.1f s%n", rows, first, last,
        seconds(System.nanoTime() - start));
  }

  /** Returns the SQL table of the integers 1 to {@code count}, as {@code r(x)}. */
  private static String range(Dialect dialect, String count) {
    String function = dialect == Dialect.H2 ? "SYSTEM_RANGE" : "generate_series";
    return function + "(1, " + count + ") AS r(x)";
  }

  /**
   * Returns the SQL expression of scan number {@code scan}'s launch time plus {@code seconds},
   * with the launch time that {@link #FIRST_LAUNCH_EPOCH} puts in the ref.
   */
  private static String launchTime(String scan, int seconds) {
    return "TIMESTAMP WITH TIME ZONE '2024-01-01 00:00:00+00' + (60 * " + scan + " + "
        + seconds + ") * INTERVAL '1' SECOND";
  }

  /**
   * Streams the summary once after a full collection, with the heap pools' peaks reset and the
   * live heap sampled meanwhile.
   */
  private static Run measure(TestServer server) throws Exception {
    System.gc();
    resetPeaks();
    LiveHeapSampler sampler = new LiveHeapSampler(LIVE_HEAP_SAMPLE_MS);
    sampler.start();
    Run run;
    try {
      run = stream(server);
    } finally {
      sampler.stop();
    }
    if (run.scans() != SCANS) {
      throw new IllegalStateException("The summary lists " + run.scans() + " scans, expected "
          + SCANS);
    }
    return new Run(run.headersNanos(), run.firstByteNanos(), run.halfBytesNanos(),
        run.totalNanos(), run.bytes(), run.scans(), peakHeap(), sampler.maxLiveHeap());
  }

  /** Streams the summary in 64 KiB reads, timing the response and counting its scans. */
  private static Run stream(TestServer server) throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    String credentials = Base64.getEncoder().encodeToString(
        ("admin:" + TestServer.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    HttpRequest request = HttpRequest.newBuilder(URI.create(server.uri()
            + "/api/2.0/fo/scan/summary/?action=list&scan_date_since=2024-01-01"))
        .header("X-Requested-With", "bench")
        .header("Authorization", "Basic " + credentials)
        .build();
    long start = System.nanoTime();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    long headers = System.nanoTime() - start;
    if (response.statusCode() != 200) {
      response.body().close();
      throw new IllegalStateException("Scan summary request failed with HTTP status "
          + response.statusCode());
    }
    long firstByte = -1;
    long bytes = 0;
    // Times at which the cumulative byte counts arrived, to find when half of the body had arrived.
    List<long[]> arrivals = new ArrayList<>();
    PatternCounter scanRefs = new PatternCounter("<SCAN_REF>");
    byte[] buffer = new byte[65536];
    try (InputStream body = response.body()) {
      for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
        long now = System.nanoTime() - start;
        if (firstByte < 0 && read > 0) {
          firstByte = now;
        }
        bytes += read;
        arrivals.add(new long[] {now, bytes});
        scanRefs.feed(buffer, read);
      }
    }
    long total = System.nanoTime() - start;
    long half = total;
    for (long[] arrival : arrivals) {
      if (arrival[1] * 2 >= bytes) {
        half = arrival[0];
        break;
      }
    }
    return new Run(headers, firstByte, half, total, bytes, scanRefs.count(), 0, 0);
  }

  /** Counts the occurrences of an ASCII pattern whose first byte occurs nowhere else in it. */
  private static final class PatternCounter {
    private final byte[] pattern;
    private int matched;
    private long count;

    PatternCounter(String pattern) {
      this.pattern = pattern.getBytes(StandardCharsets.US_ASCII);
    }

    void feed(byte[] bytes, int length) {
      for (int i = 0; i < length; i++) {
        if (bytes[i] == pattern[matched]) {
          matched++;
        } else {
          matched = bytes[i] == pattern[0] ? 1 : 0;
        }
        if (matched == pattern.length) {
          count++;
          matched = 0;
        }
      }
    }

    long count() {
      return count;
    }
  }

  /**
   * A thread that runs a full collection every interval and records the largest heap use right
   * after one: the live objects, with the page cache of an embedded H2, without the garbage that the peaks
   * count.
   */
  private static final class LiveHeapSampler {
    private final long intervalMs;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long maxLiveHeap = -1;

    LiveHeapSampler(long intervalMs) {
      this.intervalMs = intervalMs;
      this.thread = new Thread(this::sample, "live-heap-sampler");
      thread.setDaemon(true);
    }

    void start() {
      if (intervalMs > 0) {
        thread.start();
      }
    }

    private void sample() {
      while (running) {
        try {
          Thread.sleep(intervalMs);
        } catch (InterruptedException e) {
          return;
        }
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        maxLiveHeap = Math.max(maxLiveHeap, used);
      }
    }

    void stop() throws InterruptedException {
      running = false;
      thread.interrupt();
      thread.join();
    }

    /** Returns the largest sample in bytes, or -1 when no sample was taken. */
    long maxLiveHeap() {
      return maxLiveHeap;
    }
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

  /**
   * Returns the system's load average over the last minute, which shows whether other work
   * shared the cores during a run, or a negative value where the JVM cannot read it.
   */
  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static double seconds(long nanos) {
    return nanos / 1e9;
  }

  private static String megabytes(long bytes) {
    return bytes < 0 ? "not sampled" : (bytes >> 20) + " MB";
  }

  private static long max(List<Run> runs, ToLongFunction<Run> value) {
    return runs.stream().mapToLong(value).max().orElse(0);
  }

  /** Returns the median, the upper one of the two middle values for an even count. */
  private static double median(List<Run> runs, ToDoubleFunction<Run> value) {
    List<Double> values = new ArrayList<>();
    for (Run run : runs) {
      values.add(value.applyAsDouble(run));
    }
    Collections.sort(values);
    return values.get(values.size() / 2);
  }
}
