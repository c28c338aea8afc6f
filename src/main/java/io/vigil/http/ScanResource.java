package io.vigil.http;

import io.vigil.account.Client;
import io.vigil.asset.AssetScope;
import io.vigil.net.InvalidIpException;
import io.vigil.net.IpRange;
import io.vigil.scan.OptionProfile;
import io.vigil.scan.OptionProfileService;
import io.vigil.scan.Scan;
import io.vigil.scan.ScanService;
import io.vigil.wire.ApiException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * /api/2.0/fo/scan/: launch, list, cancel, pause, resume, delete and fetch VM scans. Launch
 * returns at once; the scan runs in the background.
 */
final class ScanResource {
  static final String PATH = "/api/2.0/fo/scan/";

  private static final int MAX_TITLE_LENGTH = 2000;

  private final ScanService scans;
  private final OptionProfileService profiles;
  private final AssetScope assets;
  private final ClientParameters clients;
  private final ScanListOutput listOutput;
  private final ScanFetchOutput fetchOutput;

  ScanResource(ApiServices services, ApiDispatcher dispatcher) {
    this.scans = services.scans();
    this.profiles = services.optionProfiles();
    this.assets = services.assetScope();
    this.clients = new ClientParameters(dispatcher.accounts());
    this.listOutput = new ScanListOutput(scans, clients);
    this.fetchOutput = new ScanFetchOutput(scans, clients);
  }

  ApiResource resource() {
    return ApiResource.of(
        PATH,
        ClientParameters.accept(
                ActionSpec.postAction("launch")
                    .optional("scan_title", "ip", "fqdn", "exclude_ip_per_scan", "priority")
                    .exclusive("option_id", "option_title")
                    .exclusive("asset_groups", "asset_group_ids")
                    .exclusive("iscanner_id", "iscanner_name"))
            .handledBy(this::launch),
        listOutput.action(),
        stateAction("cancel", "Cancelling scan", scans::cancel),
        stateAction("pause", "Pausing scan", scans::pause),
        stateAction("resume", "Resuming scan", scans::resume),
        stateAction("delete", "Deleted scan", scans::delete),
        fetchOutput.action());
  }

  /** A state change of one scan by reference. */
  private interface StateChange {
    void apply(long subscriptionId, String ref, String login);
  }

  private static ActionSpec stateAction(String name, String text, StateChange change) {
    return ActionSpec.postAction(name)
        .required("scan_ref")
        .handledBy(
            (request, response) -> {
              change.apply(request.subscription().id(), request.required("scan_ref"),
                  request.user().login());
              response.simpleReturn(text);
            });
  }

  private void launch(ApiRequest request, ApiResponse response) {
    long subscription = request.subscription().id();
    String title = request.string("scan_title").orElse("");
    if (title.length() > MAX_TITLE_LENGTH) {
      throw ApiException.invalidValue("scan_title", title.substring(0, 40) + "...",
          "use at most " + MAX_TITLE_LENGTH + " characters");
    }
    OptionProfile profile = profile(request, subscription);
    List<String> targetNames = List.of("ip", "asset_groups", "asset_group_ids", "fqdn");
    if (targetNames.stream().noneMatch(name -> !request.string(name).orElse("").isBlank())) {
      throw ApiException.atLeastOne(targetNames);
    }
    List<IpRange> ips = ipList(request, "ip");
    List<IpRange> groupRanges = new ArrayList<>();
    List<String> groupTitles = new ArrayList<>();
    Optional<String> groupIds = request.string("asset_group_ids").filter(s -> !s.isBlank());
    Optional<String> groupNames = request.string("asset_groups").filter(s -> !s.isBlank());
    if (groupIds.isPresent()) {
      List<Long> ids = new ArrayList<>();
      for (String id : split(groupIds.get())) {
        ids.add(parseId("asset_group_ids", id));
      }
      groupRanges.addAll(assets.groupRangesById(subscription, ids));
      groupTitles.addAll(split(groupIds.get()));
    } else if (groupNames.isPresent()) {
      groupTitles.addAll(split(groupNames.get()));
      groupRanges.addAll(assets.groupRangesByTitle(subscription, groupTitles));
    }
    int priority = request.nonNegativeInt("priority").orElse(0);
    if (priority > 9) {
      throw ApiException.invalidValue("priority", Integer.toString(priority), "use 0 to 9");
    }
    String scanner = request.string("iscanner_name")
        .or(() -> request.string("iscanner_id").map(id -> "id " + parseId("iscanner_id", id)))
        .orElse("");
    Long clientId = clients.resolve(request).map(Client::id).orElse(null);
    Scan scan =
        scans.launch(
            subscription,
            request.user().login(),
            new ScanService.LaunchRequest(
                title,
                profile,
                ips,
                request.string("ip").orElse("").strip(),
                groupRanges,
                groupTitles,
                request.string("fqdn").map(ScanResource::hostNames).orElse(List.of()),
                ipList(request, "exclude_ip_per_scan"),
                scanner,
                priority,
                clientId));
    Map<String, String> items = new LinkedHashMap<>();
    items.put("ID", Long.toString(scan.id()));
    items.put("REFERENCE", scan.ref());
    response.simpleReturn("New vm scan launched", items);
  }

  private OptionProfile profile(ApiRequest request, long subscription) {
    Optional<String> title = request.string("option_title");
    if (request.has("option_id")) {
      long id = request.positiveLong("option_id").orElseThrow();
      return profiles.findById(subscription, id)
          .orElseThrow(() -> ApiException.invalidValue("option_id", Long.toString(id),
              "no option profile has this id"));
    }
    if (title.isPresent()) {
      return profiles.findByTitle(subscription, title.get())
          .orElseThrow(() -> ApiException.invalidValue("option_title", title.get(),
              "no option profile has this title"));
    }
    throw ApiException.atLeastOne(List.of("option_id", "option_title"));
  }

  /** Parses a comma-separated list of IPs and ranges; absent or blank gives an empty list. */
  static List<IpRange> ipList(ApiRequest request, String name) {
    Optional<String> text = request.string(name).filter(value -> !value.isBlank());
    if (text.isEmpty()) {
      return List.of();
    }
    try {
      return IpRange.parseList(text.get());
    } catch (InvalidIpException e) {
      throw ApiException.invalidValue(name, e.value(), e.reason());
    }
  }

  private static long parseId(String name, String text) {
    try {
      long id = Long.parseLong(text.strip());
      if (id > 0) {
        return id;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw ApiException.invalidValue(name, text, "not a positive integer");
  }

  /** A DNS host name: labels of letters, digits, hyphens and underscores, dot-separated. */
  private static final Pattern HOST_NAME = Pattern.compile(
      "(?=.{1,254}$)([A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.)*"
          + "[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?\\.?");

  /** Splits the fqdn parameter and checks that every entry is a host name (code 1905). */
  static List<String> hostNames(String text) {
    List<String> names = split(text);
    for (String name : names) {
      if (!HOST_NAME.matcher(name).matches()) {
        throw ApiException.invalidValue("fqdn", text, "not a host name: " + name);
      }
    }
    return names;
  }

  static List<String> split(String text) {
    List<String> items = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        items.add(item.strip());
      }
    }
    return items;
  }
}
