package io.vigil.scan;

/**
 * How far a scan has come, for the list's {@code show_progress=1} extension.
 *
 * @param hostsDone target hosts with results or a reason they were not scanned, including the
 *     hosts skipped at launch
 * @param hostsTotal every target host of the scan, scanned or not
 * @param openPorts open TCP ports found so far on the hosts done
 */
public record ScanProgress(int hostsDone, int hostsTotal, long openPorts) {}
