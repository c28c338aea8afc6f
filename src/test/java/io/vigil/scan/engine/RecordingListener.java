package io.vigil.scan.engine;

import io.vigil.scan.Discovery;
import io.vigil.scan.HostScanResult;
import io.vigil.scan.OpenService;
import java.net.InetAddress;
import java.util.List;

/** Records each listener call as a short line, for tests to check order and counts. */
final class RecordingListener implements ScanListener {
  private final List<String> events;

  RecordingListener(List<String> events) {
    this.events = events;
  }

  @Override
  public void hostStarted(InetAddress address) {
    events.add("hostStarted");
  }

  @Override
  public void hostDiscovered(InetAddress address, Discovery discovery) {
    events.add("hostDiscovered alive=" + discovery.alive());
  }

  @Override
  public void portsScanned(InetAddress address, List<Integer> openPorts) {
    events.add("portsScanned " + openPorts.size());
  }

  @Override
  public void serviceDetected(InetAddress address, OpenService service) {
    events.add("serviceDetected " + service.port() + " " + service.service());
  }

  @Override
  public void hostFinished(HostScanResult result) {
    events.add("hostFinished scanned=" + result.scanned());
  }
}
