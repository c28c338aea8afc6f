package io.vigil.http;

import io.vigil.account.AccountStore;
import io.vigil.asset.AssetService;
import io.vigil.asset.HostAttributes;
import io.vigil.asset.HostChange;
import io.vigil.asset.RangeMap;
import io.vigil.asset.TrackingMethod;
import io.vigil.net.IpRange;
import io.vigil.wire.ApiException;
import java.util.List;

/** /api/2.0/fo/asset/ip/: add, update and list the IPs of the subscription. */
final class AssetIpResource {
  static final String PATH = "/api/2.0/fo/asset/ip/";
  static final String LIST_DTD = "/api/2.0/fo/asset/ip/ip_list_output.dtd";

  /** Qualys' text for a successful add to VM; clients compare against it. */
  static final String ADDED_TO_VM = "IPs successfully added to Vulnerability Management";

  static final String ADDED_TO_PC = "IPs successfully added to Policy Compliance";
  static final String UPDATED = "IPs successfully updated";

  static final int USER_FIELD_MAX = 128;
  static final int COMMENT_MAX = 255;

  private static final String[] SETTERS = {
    "tracking_method", "owner", "ud1", "ud2", "ud3", "comment"
  };

  private final AssetService assets;
  private final AccountStore accounts;

  AssetIpResource(AssetService assets, AccountStore accounts) {
    this.assets = assets;
    this.accounts = accounts;
  }

  ApiResource resource() {
    return ApiResource.of(
        PATH,
        ActionSpec.readAction("list")
            .optional("ips", "tracking_method", "network_id", "compliance_enabled")
            .handledBy(this::list),
        ActionSpec.postAction("add")
            .required("ips")
            .optional("tracking_method", "enable_vm", "enable_pc", "owner", "ud1", "ud2", "ud3")
            .optional("comment", "network_id")
            .handledBy(this::add),
        ActionSpec.postAction("update")
            .required("ips")
            .optional("tracking_method", "network_id")
            .exclusive("owner", "new_owner")
            .exclusive("ud1", "new_ud1")
            .exclusive("ud2", "new_ud2")
            .exclusive("ud3", "new_ud3")
            .exclusive("comment", "new_comment")
            .optional("new_tracking_method")
            .handledBy(this::update));
  }

  private void list(ApiRequest request, ApiResponse response) {
    AssetParameters.requireDefaultNetwork(request, "network_id");
    RangeMap<HostAttributes> hosts = assets.hosts(request.subscription().id());
    List<IpRange> filter = AssetParameters.ips(request, "ips").orElse(null);
    if (filter != null) {
      hosts = hosts.restrictTo(filter);
    }
    TrackingMethod method = AssetParameters.trackingMethod(request, "tracking_method").orElse(null);
    if (method != null) {
      hosts = hosts.filter(host -> host.trackingMethod() == method);
    }
    if (request.has("compliance_enabled")) {
      boolean compliance = request.flag("compliance_enabled", false);
      hosts = hosts.filter(host -> compliance ? host.pcEnabled() : host.vmEnabled());
    }
    List<IpRange> ranges = hosts.ranges();
    response.xml(
        "IP_LIST_OUTPUT",
        LIST_DTD,
        xml -> {
          xml.start("RESPONSE");
          xml.element("DATETIME", response.now());
          AssetParameters.ipSet(xml, ranges);
          xml.end();
        });
  }

  private void add(ApiRequest request, ApiResponse response) {
    AssetParameters.requireDefaultNetwork(request, "network_id");
    List<IpRange> ranges = AssetParameters.ips("ips", request.required("ips"));
    boolean vm = request.flag("enable_vm", false);
    boolean pc = request.flag("enable_pc", false);
    if (!vm && !pc) {
      throw ApiException.atLeastOne(List.of("enable_vm", "enable_pc"));
    }
    HostChange change =
        new HostChange(
            vm,
            pc,
            AssetParameters.trackingMethod(request, "tracking_method").orElse(null),
            AssetParameters.owner(request, "owner", accounts),
            AssetParameters.text(request, "ud1", USER_FIELD_MAX),
            AssetParameters.text(request, "ud2", USER_FIELD_MAX),
            AssetParameters.text(request, "ud3", USER_FIELD_MAX),
            AssetParameters.text(request, "comment", COMMENT_MAX));
    assets.addIps(request.subscription().id(), ranges, change, request.user().login());
    response.simpleReturn(vm ? ADDED_TO_VM : ADDED_TO_PC);
  }

  /**
   * Takes the setters in two spellings: the documented tracking_method, owner, ud1-3 and comment,
   * and the new_ prefixed names some clients send. With new_tracking_method, tracking_method
   * selects which of the IPs change, as the prefixed form defines it.
   */
  private void update(ApiRequest request, ApiResponse response) {
    AssetParameters.requireDefaultNetwork(request, "network_id");
    List<IpRange> ranges = AssetParameters.ips("ips", request.required("ips"));
    TrackingMethod selector = null;
    TrackingMethod newMethod;
    if (request.has("new_tracking_method")) {
      selector = AssetParameters.trackingMethod(request, "tracking_method").orElse(null);
      newMethod = AssetParameters.trackingMethod(request, "new_tracking_method").orElseThrow();
    } else {
      newMethod = AssetParameters.trackingMethod(request, "tracking_method").orElse(null);
    }
    HostChange change =
        new HostChange(
            false,
            false,
            newMethod,
            either(request, "owner", 64, true),
            either(request, "ud1", USER_FIELD_MAX, false),
            either(request, "ud2", USER_FIELD_MAX, false),
            either(request, "ud3", USER_FIELD_MAX, false),
            either(request, "comment", COMMENT_MAX, false));
    if (change.equals(new HostChange(false, false, null, null, null, null, null, null))) {
      throw ApiException.atLeastOne(List.of(SETTERS));
    }
    assets.updateIps(
        request.subscription().id(), ranges, selector, change, request.user().login());
    response.simpleReturn(UPDATED);
  }

  /** Reads a setter given either as {@code name} or as {@code new_name}; null when neither. */
  private String either(ApiRequest request, String name, int maxLength, boolean isOwner) {
    String parameter = request.has(name) ? name : "new_" + name;
    if (!request.has(parameter)) {
      return null;
    }
    return isOwner
        ? AssetParameters.owner(request, parameter, accounts)
        : AssetParameters.text(request, parameter, maxLength);
  }
}
