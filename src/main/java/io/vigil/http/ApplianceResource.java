package io.vigil.http;

import io.vigil.asset.Appliance;
import io.vigil.asset.ApplianceService;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;

/**
 * /api/2.0/fo/appliance/: the scanner appliances. Vigil has one, the scanner embedded in the
 * server, which the database migration creates.
 */
final class ApplianceResource {
  static final String PATH = "/api/2.0/fo/appliance/";
  static final String LIST_DTD = "/api/2.0/fo/appliance/appliance_list_output.dtd";

  private static final List<String> TYPES =
      List.of("physical", "virtual", "containerized", "offline");

  private final ApplianceService appliances;

  ApplianceResource(ApplianceService appliances) {
    this.appliances = appliances;
  }

  ApiResource resource() {
    return ApiResource.of(
        PATH,
        ActionSpec.readAction("list")
            .optional("output_mode", "ids", "name", "type", "busy")
            .handledBy(this::list));
  }

  /**
   * Lists appliances. output_mode=full gives the same elements as brief: Vigil has none of the
   * extra settings (interfaces, proxies, VLANs) that a full listing adds.
   */
  private void list(ApiRequest request, ApiResponse response) {
    request.oneOf("output_mode", List.of("brief", "full"));
    LongPredicate idFilter =
        request.string("ids").map(value -> AssetParameters.ids("ids", value)).orElse(id -> true);
    String name = request.string("name").orElse(null);
    String type = request.oneOf("type", TYPES).orElse(null);
    // NOTE: RUNNING_SCAN_COUNT is always 0 until the scan service reports running scans, so
    // busy=1 lists no appliance.
    boolean onlyBusy = request.flag("busy", false);
    List<Appliance> found = new ArrayList<>();
    for (Appliance appliance : appliances.list(request.subscription().id())) {
      boolean matches =
          idFilter.test(appliance.id())
              && (name == null || appliance.name().equals(name))
              && (type == null || appliance.type().toLowerCase(Locale.ROOT).equals(type))
              && !onlyBusy;
      if (matches) {
        found.add(appliance);
      }
    }
    response.xml(
        "APPLIANCE_LIST_OUTPUT",
        LIST_DTD,
        xml -> {
          xml.start("RESPONSE");
          xml.element("DATETIME", response.now());
          if (!found.isEmpty()) {
            xml.start("APPLIANCE_LIST");
            for (Appliance appliance : found) {
              xml.start("APPLIANCE");
              xml.element("ID", appliance.id());
              xml.element("UUID", appliance.uuid());
              xml.cdataElement("NAME", appliance.name());
              xml.element("NETWORK_ID", 0);
              xml.element("SOFTWARE_VERSION", appliance.softwareVersion());
              xml.element("RUNNING_SLICES_COUNT", 0);
              xml.element("RUNNING_SCAN_COUNT", 0);
              xml.element("STATUS", "Online");
              xml.element("MODEL_NUMBER", appliance.modelNumber());
              xml.element("TYPE", appliance.type());
              xml.end();
            }
            xml.end();
          }
          xml.end();
        });
  }
}
