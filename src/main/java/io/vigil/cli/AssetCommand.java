package io.vigil.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.w3c.dom.Document;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vigil asset add-ip}: adds IPs to the subscription through a running server's API. */
@Command(
    name = "asset",
    mixinStandardHelpOptions = true,
    description = "Manage the assets of the subscription on a running Vigil server through its"
        + " API.")
final class AssetCommand {
  static final String IP_PATH = "/api/2.0/fo/asset/ip/";

  @Spec CommandSpec spec;

  /** Environment that supplies VIGIL_URL, VIGIL_USER and VIGIL_PASSWORD. Tests replace it. */
  Map<String, String> environment = System.getenv();

  @Command(
      name = "add-ip",
      mixinStandardHelpOptions = true,
      description = "Add IPs to Vulnerability Management, so that scans may target them"
          + " (action=add with enable_vm=1).")
  int addIp(
      @Mixin ApiOptions api,
      @Parameters(paramLabel = "IPS", description = "IPv4 addresses and ranges, comma-separated,"
          + " such as 127.0.0.1,127.0.0.5-127.0.0.9.") String ips) {
    Map<String, String> params = new LinkedHashMap<>();
    params.put("action", "add");
    params.put("ips", ips.strip());
    params.put("enable_vm", "1");
    Document reply = api.connect(environment).postXml(IP_PATH, params);
    spec.commandLine().getOut().println(
        SafeXml.text(reply.getDocumentElement(), "RESPONSE", "TEXT") + ": " + ips.strip());
    return 0;
  }
}
