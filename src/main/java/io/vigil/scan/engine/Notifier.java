package io.vigil.scan.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Calls a listener so that its exceptions are logged and never stop the scan. */
final class Notifier {
  private static final Logger log = LoggerFactory.getLogger(Notifier.class);

  private final ScanListener listener;

  Notifier(ScanListener listener) {
    this.listener = listener == null ? ScanListener.NONE : listener;
  }

  ScanListener listener() {
    return listener;
  }

  void run(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      log.warn("scan listener {} failed; the scan goes on", listener.getClass().getName(), e);
    }
  }
}
