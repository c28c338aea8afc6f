package io.vigil.http;

import io.vigil.Version;
import io.vigil.account.Client;
import io.vigil.account.User;
import io.vigil.scan.FetchFormat;
import io.vigil.scan.ResultsContext;
import io.vigil.scan.Scan;
import io.vigil.scan.ScanResultsWriter;
import io.vigil.scan.ScanService;
import io.vigil.wire.ApiException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The fetch action of /api/2.0/fo/scan/: a scan's results as csv (the default), json,
 * csv_extended or json_extended. Errors are XML SIMPLE_RETURNs, as on Qualys.
 */
final class ScanFetchOutput {
  private final ScanService scans;
  private final ClientParameters clients;
  private final ScanResultsWriter writer;

  ScanFetchOutput(ScanService scans, ClientParameters clients) {
    this.scans = scans;
    this.clients = clients;
    this.writer = new ScanResultsWriter(scans);
  }

  ActionSpec action() {
    return ClientParameters.accept(
            ActionSpec.readAction("fetch")
                .required("scan_ref")
                .optional("output_format", "mode", "ips"))
        .handledBy(this::fetch);
  }

  private void fetch(ApiRequest request, ApiResponse response) {
    FetchFormat format =
        FetchFormat.fromApiName(
            request.oneOf("output_format", FetchFormat.apiNames()).orElse("csv"));
    boolean extended =
        request.oneOf("mode", List.of("brief", "extended")).orElse("brief").equals("extended");
    ScanResultsWriter.Request fetch =
        new ScanResultsWriter.Request(format, extended, ScanResource.ipList(request, "ips"));
    Optional<Client> client = clients.resolve(request);
    String ref = request.required("scan_ref");
    Scan scan = scans.fetchable(request.subscription().id(), ref);
    if (client.isPresent() && !Long.valueOf(client.get().id()).equals(scan.clientId())) {
      throw ApiException.invalidValue("scan_ref", ref, "the scan is not one of this client's");
    }
    User user = request.user();
    ResultsContext context =
        new ResultsContext(
            request.subscription().companyName(),
            (user.firstName() + " " + user.lastName()).strip(),
            user.login(),
            user.role().displayName(),
            request.subscription().isConsultant(),
            Version.current(),
            Instant.parse(response.now()));
    response.stream(format.contentType(), out -> writer.write(scan, fetch, context, out));
  }
}
