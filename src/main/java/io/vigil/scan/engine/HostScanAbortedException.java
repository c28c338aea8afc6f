package io.vigil.scan.engine;

import io.vigil.VigilException;

/** A host scan stopped before it was complete; the engine turns it into an ABORTED result. */
final class HostScanAbortedException extends VigilException {
  HostScanAbortedException(String message) {
    super(message);
  }

  HostScanAbortedException(String message, Throwable cause) {
    super(message, cause);
  }
}
