package io.vigil.cli;

import io.vigil.VigilException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The calls of /api/2.0/fo/scan/ that the scan commands make. */
final class ScanApi {
  static final String PATH = "/api/2.0/fo/scan/";

  /**
   * Launch date filter that lists every scan: with no date the list covers only the last 30
   * days, and a scan looked up by reference may be older.
   */
  private static final String EVERY_LAUNCH = "1970-01-01";

  private final RemoteApi api;

  ScanApi(RemoteApi api) {
    this.api = api;
  }

  RemoteApi remote() {
    return api;
  }

  /** Launches a scan with the given launch parameters and returns its reference. */
  String launch(Map<String, String> params) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("action", "launch");
    form.putAll(params);
    Document reply = api.postXml(PATH, form);
    Element response = SafeXml.child(reply.getDocumentElement(), "RESPONSE");
    Element items = response == null ? null : SafeXml.child(response, "ITEM_LIST");
    if (items != null) {
      for (Element item : SafeXml.children(items, "ITEM")) {
        if (SafeXml.text(item, "KEY").equals("REFERENCE")) {
          return SafeXml.text(item, "VALUE");
        }
      }
    }
    throw new VigilException("The launch reply from " + api.base() + " has no REFERENCE item.");
  }

  /** Returns the list entry of one scan, with its option profile and progress. */
  ScanListEntry find(String ref) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("action", "list");
    params.put("scan_ref", ref);
    params.put("launched_after_datetime", EVERY_LAUNCH);
    params.put("show_op", "1");
    params.put("show_progress", "1");
    List<ScanListEntry> entries = ScanListEntry.parse(api.getXml(PATH, params));
    if (entries.isEmpty()) {
      throw new VigilException("No scan has the reference " + ref
          + "; 'vigil scan list' shows the recent ones.");
    }
    return entries.get(0);
  }

  /** Lists scans; {@code filters} contains list parameters such as state. */
  List<ScanListEntry> list(Map<String, String> filters) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("action", "list");
    params.putAll(filters);
    return ScanListEntry.parse(api.getXml(PATH, params));
  }

  /** Fetches the results of a Finished, Canceled, Paused or Error scan. */
  ScanResults fetch(String ref) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("action", "fetch");
    params.put("scan_ref", ref);
    params.put("output_format", "json_extended");
    RemoteApi.Reply reply = api.get(PATH, params);
    if (!reply.contentType().contains("json")) {
      throw new VigilException("The server sent " + reply.contentType()
          + " where JSON scan results were expected.");
    }
    return ScanResults.parse(reply.body());
  }
}
