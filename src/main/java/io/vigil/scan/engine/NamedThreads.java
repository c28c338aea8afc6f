package io.vigil.scan.engine;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates daemon threads named "prefix-1", "prefix-2", ... so thread dumps show their owner. */
final class NamedThreads implements ThreadFactory {
  private final String prefix;
  private final AtomicInteger count = new AtomicInteger();

  NamedThreads(String prefix) {
    this.prefix = prefix;
  }

  @Override
  public Thread newThread(Runnable task) {
    Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
    // Daemon threads never keep the JVM alive when the scan service shuts down mid-scan.
    thread.setDaemon(true);
    return thread;
  }
}
