package io.vigil.http;

import io.vigil.asset.AssetService;
import io.vigil.asset.Exclusion;
import io.vigil.asset.IpSets;
import io.vigil.asset.RangeMap;
import io.vigil.asset.Segment;
import io.vigil.net.IpRange;
import io.vigil.wire.ApiException;
import io.vigil.wire.QualysTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * /api/2.0/fo/asset/excluded_ip/: the IPs that no scan may target. An exclusion with an expiry
 * stops applying once the clock passes it.
 */
final class ExcludedIpResource {
  static final String PATH = "/api/2.0/fo/asset/excluded_ip/";
  static final String LIST_DTD = "/api/2.0/fo/asset/excluded_ip/ip_list_output.dtd";

  /** Qualys' text for remove and remove_all, with the IPs in an ITEM keyed "Removed IPs". */
  static final String REMOVED = "Removed IPs from Excluded IPs list.";

  /** Vigil's text for add, worded like the remove text, with an ITEM keyed "Added IPs". */
  static final String ADDED = "Added IPs to Excluded IPs list.";

  static final int COMMENT_MAX = 1024;

  /** Upper bound of expiry_days, about 100 years, so the expiry date stays representable. */
  static final int EXPIRY_DAYS_MAX = 36_500;

  private final AssetService assets;

  ExcludedIpResource(AssetService assets) {
    this.assets = assets;
  }

  ApiResource resource() {
    return ApiResource.of(
        PATH,
        ActionSpec.readAction("list").optional("ips", "network_id").handledBy(this::list),
        ActionSpec.postAction("add")
            .required("ips", "comment")
            .optional("expiry_days", "network_id")
            .handledBy(this::add),
        ActionSpec.postAction("remove")
            .required("ips", "comment")
            .optional("network_id")
            .handledBy(this::remove),
        ActionSpec.postAction("remove_all")
            .required("comment")
            .optional("network_id")
            .handledBy(this::removeAll));
  }

  private void list(ApiRequest request, ApiResponse response) {
    AssetParameters.requireDefaultNetwork(request, "network_id");
    RangeMap<Exclusion> exclusions = assets.exclusions(request.subscription().id());
    List<IpRange> filter = AssetParameters.ips(request, "ips").orElse(null);
    if (filter != null) {
      exclusions = exclusions.restrictTo(filter);
    }
    List<Segment<Instant>> entries = byExpiry(exclusions);
    response.xml(
        "IP_LIST_OUTPUT",
        LIST_DTD,
        xml -> {
          xml.start("RESPONSE");
          xml.element("DATETIME", response.now());
          if (!entries.isEmpty()) {
            xml.start("IP_SET");
            for (Segment<Instant> entry : entries) {
              IpRange range = entry.range();
              String element = range.size() == 1 ? "IP" : "IP_RANGE";
              if (entry.value() == null) {
                xml.element(element, range.toString());
              } else {
                xml.elementWithAttributes(
                    element, range.toString(), "expiration_date",
                    QualysTime.format(entry.value()));
              }
            }
            xml.end();
          }
          xml.end();
        });
  }

  /**
   * Merges neighbouring exclusions that expire at the same time, whatever their comments, since
   * the list shows only the IPs and their expiry.
   */
  private static List<Segment<Instant>> byExpiry(RangeMap<Exclusion> exclusions) {
    List<Segment<Instant>> merged = new ArrayList<>();
    for (Segment<Exclusion> segment : exclusions.segments()) {
      Instant expiry = segment.value().expiresAt();
      if (!merged.isEmpty()) {
        Segment<Instant> previous = merged.get(merged.size() - 1);
        if (previous.range().last() + 1 == segment.range().first()
            && Objects.equals(previous.value(), expiry)) {
          merged.set(
              merged.size() - 1,
              new Segment<>(
                  new IpRange(previous.range().first(), segment.range().last()), expiry));
          continue;
        }
      }
      merged.add(new Segment<>(segment.range(), expiry));
    }
    return merged;
  }

  private void add(ApiRequest request, ApiResponse response) {
    AssetParameters.requireDefaultNetwork(request, "network_id");
    List<IpRange> ranges = AssetParameters.ips("ips", request.required("ips"));
    String comment = comment(request);
    Integer expiryDays = request.has("expiry_days") ? expiryDays(request) : null;
    assets.exclude(
        request.subscription().id(), ranges, expiryDays, comment, request.user().login());
    response.simpleReturn(ADDED, Map.of("Added IPs", IpSets.format(IpRange.merge(ranges))));
  }

  private void remove(ApiRequest request, ApiResponse response) {
    AssetParameters.requireDefaultNetwork(request, "network_id");
    List<IpRange> ranges = AssetParameters.ips("ips", request.required("ips"));
    List<IpRange> removed =
        assets.unexclude(
            request.subscription().id(), ranges, comment(request), request.user().login());
    removedReturn(response, removed);
  }

  private void removeAll(ApiRequest request, ApiResponse response) {
    AssetParameters.requireDefaultNetwork(request, "network_id");
    List<IpRange> removed =
        assets.unexclude(
            request.subscription().id(), null, comment(request), request.user().login());
    removedReturn(response, removed);
  }

  /** Writes the remove text, with the IPs that were excluded until now; none gives no ITEM. */
  private static void removedReturn(ApiResponse response, List<IpRange> removed) {
    if (removed.isEmpty()) {
      response.simpleReturn(REMOVED);
    } else {
      response.simpleReturn(REMOVED, Map.of("Removed IPs", IpSets.format(removed)));
    }
  }

  private static String comment(ApiRequest request) {
    String comment = AssetParameters.text(request, "comment", COMMENT_MAX);
    if (comment == null || comment.isBlank()) {
      throw ApiException.missing(List.of("comment"));
    }
    return comment;
  }

  private static int expiryDays(ApiRequest request) {
    long days = request.positiveLong("expiry_days").orElseThrow();
    if (days > EXPIRY_DAYS_MAX) {
      throw ApiException.invalidValue(
          "expiry_days", Long.toString(days), "use at most " + EXPIRY_DAYS_MAX + " days");
    }
    return (int) days;
  }
}
