package io.vigil.http;

import io.vigil.scan.OptionProfile;
import io.vigil.scan.OptionProfile.TcpPortsType;
import io.vigil.scan.OptionProfileService;
import io.vigil.wire.ApiException;
import io.vigil.wire.QualysTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * /api/2.0/fo/subscription/option_profile/vm/: list and create VM option profiles. The list
 * output uses the element names of Qualys' option profile export (OPTION_PROFILES,
 * BASIC_INFO, SCAN/PORTS/TCP_PORTS, PERFORMANCE), with Vigil's own elements for the engine
 * settings Qualys has no element for (docs/api-conventions.md lists them).
 */
final class OptionProfileResource {
  static final String PATH = "/api/2.0/fo/subscription/option_profile/vm/";
  static final String DTD = "/api/2.0/fo/subscription/option_profile/vm/option_profile_info.dtd";

  private final OptionProfileService profiles;

  OptionProfileResource(OptionProfileService profiles) {
    this.profiles = profiles;
  }

  ApiResource resource() {
    return ApiResource.of(
        PATH,
        ActionSpec.readAction("list").optional("id", "title").handledBy(this::list),
        ActionSpec.postAction("create")
            .required("title")
            .optional("authentication")
            .optional("tcp_ports_type", "tcp_ports", "discovery_tcp_ports", "discovery_icmp",
                "scan_dead_hosts", "hosts_in_parallel", "probes_in_parallel",
                "connect_timeout_ms", "read_timeout_ms", "max_host_minutes")
            .handledBy(this::create));
  }

  private void list(ApiRequest request, ApiResponse response) {
    long subscription = request.subscription().id();
    Optional<Long> id = request.has("id")
        ? Optional.of(request.positiveLong("id").orElseThrow()) : Optional.empty();
    Optional<String> title = request.string("title");
    List<OptionProfile> found = profiles.list(subscription).stream()
        .filter(profile -> id.isEmpty() || profile.id() == id.get())
        .filter(profile -> title.isEmpty() || profile.title().equals(title.get()))
        .toList();
    response.xml(
        "OPTION_PROFILES",
        DTD,
        xml -> {
          for (OptionProfile profile : found) {
            xml.start("OPTION_PROFILE");
            xml.start("BASIC_INFO");
            xml.element("ID", profile.id());
            xml.cdataElement("GROUP_NAME", profile.title());
            xml.element("GROUP_TYPE", profile.subscriptionId() == null ? "system" : "user");
            xml.element("USER_ID", profile.createdBy() == null ? "" : profile.createdBy());
            xml.element("IS_DEFAULT", profile.isDefault() ? "1" : "0");
            xml.element("UPDATE_DATE", QualysTime.format(profile.updatedAt()));
            xml.end();
            xml.start("SCAN");
            xml.start("PORTS");
            xml.start("TCP_PORTS");
            xml.element("TCP_PORTS_TYPE", profile.tcpPortsType().apiName());
            if (profile.tcpPorts() != null) {
              xml.element("TCP_PORTS_CUSTOM", profile.tcpPorts().toString());
            }
            xml.end();
            xml.end();
            xml.element("SCAN_DEAD_HOSTS", profile.scanDeadHosts() ? "1" : "0");
            xml.element("AUTHENTICATION", profile.authenticationText());
            xml.start("PERFORMANCE");
            xml.start("HOSTS_TO_SCAN");
            xml.element("SCANNER_APPLIANCES", profile.hostsInParallel());
            xml.end();
            xml.start("PROCESSES_TO_RUN");
            xml.element("TOTAL_PROCESSES", profile.probesInParallel());
            xml.end();
            xml.start("TIMEOUTS");
            xml.element("CONNECT_TIMEOUT_MS", profile.connectTimeout().toMillis());
            xml.element("READ_TIMEOUT_MS", profile.readTimeout().toMillis());
            xml.element("MAX_HOST_MINUTES", profile.maxHostDuration().toMinutes());
            xml.end();
            xml.end();
            xml.start("HOST_DISCOVERY");
            xml.start("TCP_PORTS");
            xml.element("STANDARD_SCAN", profile.discoveryTcpPorts() == null ? "1" : "0");
            if (profile.discoveryTcpPorts() != null) {
              xml.element("CUSTOM_PORT", profile.discoveryTcpPorts().toString());
            }
            xml.end();
            xml.element("ICMP", profile.discoveryIcmp() ? "1" : "0");
            xml.end();
            xml.end();
            xml.end();
          }
        });
  }

  private void create(ApiRequest request, ApiResponse response) {
    TcpPortsType type = request.string("tcp_ports_type")
        .map(text -> Optional.ofNullable(TcpPortsType.parse(text))
            .orElseThrow(() -> ApiException.invalidValue("tcp_ports_type", text,
                "use one of: standard, full, custom")))
        .orElse(null);
    long id =
        profiles.create(
            request.subscription().id(),
            request.user().login(),
            new OptionProfileService.NewProfile(
                request.required("title"),
                type,
                request.string("tcp_ports").orElse(null),
                request.string("discovery_tcp_ports").orElse(null),
                request.has("discovery_icmp") ? request.flag("discovery_icmp", true) : null,
                request.has("scan_dead_hosts") ? request.flag("scan_dead_hosts", false) : null,
                request.nonNegativeInt("hosts_in_parallel").orElse(null),
                request.nonNegativeInt("probes_in_parallel").orElse(null),
                request.nonNegativeInt("connect_timeout_ms").orElse(null),
                request.nonNegativeInt("read_timeout_ms").orElse(null),
                request.nonNegativeInt("max_host_minutes").orElse(null),
                request.string("authentication").orElse(null)));
    response.simpleReturn("Option profile created", Map.of("ID", Long.toString(id)));
  }
}
