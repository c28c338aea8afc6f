package io.vigil.scan.engine;

import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.MDC;

/**
 * Creates daemon threads named "prefix-1", "prefix-2", ... so thread dumps show their owner. Each
 * thread starts with the logging context (MDC) of the thread that created it, so its log lines
 * carry the same scan reference.
 */
final class NamedThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  NamedThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Map<String, String> context = MDC.getCopyOfContextMap();
    Runnable withContext = () -> {
      if (context != null) {
        MDC.setContextMap(context);
      }
      task.run();
    };
    Thread thread = new Thread(withContext, prefix + "-" + count.incrementAndGet());
    // Daemon threads never keep the JVM alive when the scan service shuts down mid-scan.
    thread.setDaemon(true);
    return thread;
  }
}
