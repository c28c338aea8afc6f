package io.vigil.scan.engine;

import io.vigil.scan.Discovery;
import io.vigil.scan.HostScanResult;
import io.vigil.scan.OpenService;
import java.net.InetAddress;
import java.util.List;

/**
 * Receives the progress of host scans. The engine calls it from its scan threads, one thread per
 * host, so calls for different hosts may run at the same time. An exception thrown here is
 * logged and does not stop the scan. Every method does nothing by default.
 */
public interface ScanListener {
  ScanListener NONE = new ScanListener() {};

  default void hostStarted(InetAddress address) {}

  default void hostDiscovered(InetAddress address, Discovery discovery) {}

  /** Called when the port scan ends, with the open ports in ascending order. */
  default void portsScanned(InetAddress address, List<Integer> openPorts) {}

  /** Called once per open port, in no particular order, when its service is known. */
  default void serviceDetected(InetAddress address, OpenService service) {}

  /** Called last, with the same result that the scan method returns. */
  default void hostFinished(HostScanResult result) {}
}
