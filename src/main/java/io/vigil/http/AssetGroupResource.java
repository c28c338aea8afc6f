package io.vigil.http;

import io.vigil.asset.AssetGroup;
import io.vigil.asset.AssetGroupService;
import io.vigil.net.IpRange;
import io.vigil.wire.ApiException;
import io.vigil.wire.QualysTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/** /api/2.0/fo/asset/group/: add, edit, list and delete asset groups. */
final class AssetGroupResource {
  static final String PATH = "/api/2.0/fo/asset/group/";
  static final String LIST_DTD = "/api/2.0/fo/asset/group/asset_group_list_output.dtd";

  static final String ADDED = "Asset Group Added Successfully";
  static final String UPDATED = "Asset Group Updated Successfully";
  static final String DELETED = "Asset Group Deleted Successfully";

  static final int TITLE_MAX = 255;
  static final int COMMENTS_MAX = 1024;

  private static final List<String> EDIT_PARAMETERS =
      List.of("set_title", "set_comments", "add_ips", "remove_ips", "set_ips");

  private final AssetGroupService groups;

  AssetGroupResource(AssetGroupService groups) {
    this.groups = groups;
  }

  ApiResource resource() {
    return ApiResource.of(
        PATH,
        ActionSpec.readAction("list").optional("ids", "title").handledBy(this::list),
        ActionSpec.postAction("add")
            .required("title")
            .optional("ips", "comments", "network_id")
            .handledBy(this::add),
        ActionSpec.postAction("edit")
            .required("id")
            .optional("set_title", "set_comments")
            .exclusive("set_ips", "add_ips")
            .exclusive("set_ips", "remove_ips")
            .handledBy(this::edit),
        ActionSpec.postAction("delete").required("id").handledBy(this::delete));
  }

  private void list(ApiRequest request, ApiResponse response) {
    LongPredicate idFilter =
        request.string("ids").map(value -> AssetParameters.ids("ids", value)).orElse(id -> true);
    String title = request.string("title").orElse(null);
    List<AssetGroup> found = new ArrayList<>();
    for (AssetGroup group : groups.list(request.subscription().id())) {
      if (idFilter.test(group.id()) && (title == null || group.title().equals(title))) {
        found.add(group);
      }
    }
    response.xml(
        "ASSET_GROUP_LIST_OUTPUT",
        LIST_DTD,
        xml -> {
          xml.start("RESPONSE");
          xml.element("DATETIME", response.now());
          if (!found.isEmpty()) {
            xml.start("ASSET_GROUP_LIST");
            for (AssetGroup group : found) {
              xml.start("ASSET_GROUP");
              xml.element("ID", group.id());
              xml.cdataElement("TITLE", group.title());
              xml.element("NETWORK_ID", 0);
              xml.element("LAST_UPDATE", QualysTime.format(group.modifiedAt()));
              AssetParameters.ipSet(xml, group.ranges());
              if (!group.comments().isEmpty()) {
                xml.cdataElement("COMMENTS", group.comments());
              }
              xml.end();
            }
            xml.end();
          }
          xml.end();
        });
  }

  private void add(ApiRequest request, ApiResponse response) {
    AssetParameters.requireDefaultNetwork(request, "network_id");
    String title = title(request, "title");
    List<IpRange> ranges = AssetParameters.ips(request, "ips").orElse(List.of());
    String comments = AssetParameters.text(request, "comments", COMMENTS_MAX);
    long id =
        groups.add(
            request.subscription().id(),
            title,
            comments == null ? "" : comments,
            ranges,
            request.user().login());
    response.simpleReturn(ADDED, Map.of("ID", Long.toString(id)));
  }

  private void edit(ApiRequest request, ApiResponse response) {
    long id = request.positiveLong("id").orElseThrow();
    if (EDIT_PARAMETERS.stream().noneMatch(request::has)) {
      throw ApiException.atLeastOne(EDIT_PARAMETERS);
    }
    AssetGroupService.GroupEdit edit =
        new AssetGroupService.GroupEdit(
            request.has("set_title") ? title(request, "set_title") : null,
            AssetParameters.text(request, "set_comments", COMMENTS_MAX),
            AssetParameters.ips(request, "add_ips").orElse(null),
            AssetParameters.ips(request, "remove_ips").orElse(null),
            setIps(request));
    groups.edit(request.subscription().id(), id, edit, request.user().login());
    response.simpleReturn(UPDATED, Map.of("ID", Long.toString(id)));
  }

  private void delete(ApiRequest request, ApiResponse response) {
    long id = request.positiveLong("id").orElseThrow();
    groups.delete(request.subscription().id(), id, request.user().login());
    response.simpleReturn(DELETED, Map.of("ID", Long.toString(id)));
  }

  /** Reads set_ips; an empty value empties the group. */
  private static List<IpRange> setIps(ApiRequest request) {
    String value = request.string("set_ips").orElse(null);
    if (value == null) {
      return null;
    }
    return value.isBlank() ? List.of() : AssetParameters.ips("set_ips", value);
  }

  private static String title(ApiRequest request, String name) {
    String title = request.required(name).trim();
    if (title.isEmpty() || title.length() > TITLE_MAX) {
      throw ApiException.invalidValue(name, title, "use 1 to " + TITLE_MAX + " characters");
    }
    return title;
  }
}
