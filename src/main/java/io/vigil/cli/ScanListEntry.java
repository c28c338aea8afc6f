package io.vigil.cli;

import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * One SCAN element of the scan list output.
 *
 * @param subState the SUB_STATE, or "" when the scan has none
 * @param progress the PROGRESS element of {@code show_progress=1}, or null without it
 */
record ScanListEntry(
    String ref,
    String title,
    String state,
    String subState,
    String launched,
    String duration,
    String target,
    String optionProfile,
    Progress progress) {

  /** Vigil's PROGRESS element: target hosts done of all, and open TCP ports found so far. */
  record Progress(int hostsDone, int hostsTotal, long openPorts) {}

  /** Returns whether the scan is in a final state: Finished, Canceled or Error. */
  boolean ended() {
    return state.equals("Finished") || state.equals("Canceled") || state.equals("Error");
  }

  /** Returns the state with its sub-state, such as "Finished (No_Vuln)". */
  String stateText() {
    return subState.isEmpty() ? state : state + " (" + subState + ")";
  }

  /** Reads every SCAN of a SCAN_LIST_OUTPUT document, in the server's order. */
  static List<ScanListEntry> parse(Document document) {
    List<ScanListEntry> entries = new ArrayList<>();
    Element response = SafeXml.child(document.getDocumentElement(), "RESPONSE");
    Element list = response == null ? null : SafeXml.child(response, "SCAN_LIST");
    if (list == null) {
      return entries;
    }
    for (Element scan : SafeXml.children(list, "SCAN")) {
      Element progress = SafeXml.child(scan, "PROGRESS");
      entries.add(new ScanListEntry(
          SafeXml.text(scan, "REF"),
          SafeXml.text(scan, "TITLE"),
          SafeXml.text(scan, "STATUS", "STATE"),
          SafeXml.text(scan, "STATUS", "SUB_STATE"),
          SafeXml.text(scan, "LAUNCH_DATETIME"),
          SafeXml.text(scan, "DURATION"),
          SafeXml.text(scan, "TARGET"),
          SafeXml.text(scan, "OPTION_PROFILE", "TITLE"),
          progress == null ? null : new Progress(
              Integer.parseInt(SafeXml.text(progress, "HOSTS_DONE")),
              Integer.parseInt(SafeXml.text(progress, "HOSTS_TOTAL")),
              Long.parseLong(SafeXml.text(progress, "OPEN_PORTS")))));
    }
    return entries;
  }
}
