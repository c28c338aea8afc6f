package io.vigil.cli;

import io.vigil.VigilException;
import java.io.PrintWriter;
import java.time.Duration;

/**
 * Polls the scan list until a scan reaches a final state, showing its progress: on a terminal
 * as one line redrawn in place, otherwise as one line per change, which suits CI logs.
 */
final class ScanWaiter {
  /** Consecutive failed polls tolerated, such as while the server restarts. */
  static final int MAX_FAILED_POLLS = 30;

  private final ScanApi scans;
  private final PrintWriter out;
  private final boolean terminal;
  private final Duration interval;

  ScanWaiter(ScanApi scans, PrintWriter out, boolean terminal, Duration interval) {
    this.scans = scans;
    this.out = out;
    this.terminal = terminal;
    this.interval = interval;
  }

  /** Returns the scan's list entry once it is Finished, Canceled or Error. */
  ScanListEntry await(String ref) {
    String shownLine = "";
    int failures = 0;
    while (true) {
      ScanListEntry entry;
      try {
        entry = scans.find(ref);
        failures = 0;
      } catch (ServerUnreachableException e) {
        failures++;
        if (failures > MAX_FAILED_POLLS) {
          throw e;
        }
        if (failures == 1) {
          endLine(shownLine);
          shownLine = "";
          out.println("Lost the connection (" + e.getMessage() + "); retrying every "
              + interval.toMillis() + " ms, " + MAX_FAILED_POLLS + " times at most.");
          out.flush();
        }
        sleep();
        continue;
      }
      String line = progressLine(entry);
      if (!line.equals(shownLine)) {
        if (terminal) {
          int erase = Math.max(0, shownLine.length() - line.length());
          out.print("\r" + line + " ".repeat(erase));
        } else {
          out.println(line);
        }
        out.flush();
        shownLine = line;
      }
      if (entry.ended()) {
        endLine(shownLine);
        return entry;
      }
      sleep();
    }
  }

  /** Ends the redrawn line on a terminal, so that later output starts on a new line. */
  private void endLine(String shownLine) {
    if (terminal && !shownLine.isEmpty()) {
      out.println();
      out.flush();
    }
  }

  /** Returns the progress text, such as "Running: 3 of 8 hosts done, 5 open ports found". */
  static String progressLine(ScanListEntry entry) {
    StringBuilder line = new StringBuilder(entry.ref()).append("  ").append(entry.stateText());
    ScanListEntry.Progress progress = entry.progress();
    if (progress != null) {
      line.append(": ").append(progress.hostsDone()).append(" of ")
          .append(progress.hostsTotal()).append(" hosts done, ").append(progress.openPorts())
          .append(progress.openPorts() == 1 ? " open port" : " open ports").append(" found");
    }
    return line.toString();
  }

  private void sleep() {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VigilException("Interrupted while waiting for the scan; it keeps running on the"
          + " server.", e);
    }
  }
}
