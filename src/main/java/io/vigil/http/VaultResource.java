package io.vigil.http;

import io.vigil.account.Role;
import io.vigil.account.User;
import io.vigil.vault.Vault;
import io.vigil.vault.VaultField;
import io.vigil.vault.VaultService;
import io.vigil.vault.VaultType;
import io.vigil.wire.ApiErrorCode;
import io.vigil.wire.ApiException;
import io.vigil.wire.QualysTime;
import io.vigil.wire.XmlOutput;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /api/2.0/fo/vault/: list, view, create, update and delete credential vaults. No action ever
 * returns a secret: the view shows an empty APPKEY and no password.
 */
final class VaultResource {
  static final String PATH = "/api/2.0/fo/vault/";
  static final String LIST_DTD = "/api/2.0/fo/vault/vault_output.dtd";
  static final String VIEW_DTD = "/api/2.0/fo/vault/vault_view.dtd";

  private static final List<String> ORDER_BY =
      List.of("id", "title", "system_name", "last_modified", "last_modified_by");

  private final VaultService vaults;

  VaultResource(VaultService vaults) {
    this.vaults = vaults;
  }

  ApiResource resource() {
    String[] fields = VaultType.allFieldNames().toArray(String[]::new);
    String[] secrets = VaultType.allSecretNames().toArray(String[]::new);
    return ApiResource.of(
        PATH,
        ActionSpec.readAction("list")
            .optional("title", "type", "modified", "orderby", "sortorder", "limit", "offset")
            .handledBy(this::list),
        ActionSpec.readAction("view").required("id").handledBy(this::view),
        ActionSpec.postAction("create")
            .required("title", "type")
            .optional("comments")
            .optional(fields)
            .exclusive("password", "appkey")
            .secret(secrets)
            .handledBy(this::create),
        ActionSpec.postAction("update")
            .required("id")
            .optional("title", "comments")
            .optional(fields)
            .exclusive("password", "appkey")
            .secret(secrets)
            .handledBy(this::update),
        ActionSpec.postAction("delete").required("id").handledBy(this::delete));
  }

  private void list(ApiRequest request, ApiResponse response) {
    Integer limit = request.nonNegativeInt("limit").orElse(null);
    Integer offset = request.nonNegativeInt("offset").orElse(null);
    if ((limit == null) != (offset == null)) {
      throw ApiException.missing(List.of(limit == null ? "limit" : "offset"));
    }
    VaultType type = request.string("type").map(VaultResource::parseType).orElse(null);
    String orderBy = request.oneOf("orderby", ORDER_BY).orElse("id");
    boolean descending = request.oneOf("sortorder", List.of("asc", "desc")).orElse("asc")
        .equals("desc");
    List<Vault> found =
        vaults.list(
            request.subscription().id(),
            request.string("title").orElse(null),
            type,
            request.dateTime("modified").orElse(null),
            orderBy,
            descending,
            limit,
            offset);
    response.xml(
        "AUTH_VAULT_LIST_OUTPUT",
        LIST_DTD,
        xml -> {
          xml.start("RESPONSE");
          xml.element("DATETIME", response.now());
          xml.element("STATUS", "Success");
          xml.element("COUNT", found.size());
          if (!found.isEmpty()) {
            xml.start("AUTH_VAULTS");
            for (Vault vault : found) {
              xml.start("AUTH_VAULT");
              xml.cdataElement("TITLE", vault.title());
              xml.cdataElement("VAULT_TYPE", vault.type().apiName());
              lastModified(xml, vault);
              xml.element("ID", vault.id());
              xml.end();
            }
            xml.end();
          }
          xml.end();
        });
  }

  private void view(ApiRequest request, ApiResponse response) {
    Vault vault = find(request);
    response.xml(
        "VAULT_OUTPUT",
        VIEW_DTD,
        xml -> {
          xml.start("RESPONSE");
          xml.element("DATETIME", response.now());
          // VAULT_QUEST is the element name Qualys' own vault view output uses for every type.
          xml.start("VAULT_QUEST");
          xml.cdataElement("TITLE", vault.title());
          xml.cdataElement("COMMENTS", vault.comments());
          xml.cdataElement("VAULT_TYPE", vault.type().apiName());
          xml.element("CREATED_ON", QualysTime.format(vault.createdAt()));
          xml.element("OWNER", vault.createdBy());
          lastModified(xml, vault);
          for (VaultField field : viewFields(vault.type())) {
            // A secret shows as an empty element, never with its value.
            xml.cdataElement(field.element(), field.secret() ? "" : vault.setting(field.name()));
          }
          xml.element("ID", vault.id());
          xml.end();
          xml.end();
        });
  }

  /** Fields the view shows, in Qualys' order: a WAB vault lists APPKEY (empty) first. */
  static List<VaultField> viewFields(VaultType type) {
    List<VaultField> fields = new ArrayList<>();
    if (type == VaultType.WALLIX_ADMINBASTION) {
      fields.add(new VaultField("appkey", "APPKEY", true, false));
      fields.add(type.field("username").orElseThrow());
      fields.add(type.field("url").orElseThrow());
      fields.add(type.field("ssl_verify").orElseThrow());
      return fields;
    }
    for (VaultField field : type.fields()) {
      if (!field.secret()) {
        fields.add(field);
      }
    }
    return fields;
  }

  private void create(ApiRequest request, ApiResponse response) {
    requireManageAuth(request.user());
    VaultType type = parseType(request.required("type"));
    VaultService.VaultInput input = input(request, type);
    long id = vaults.create(request.subscription().id(), request.user().login(), type, input);
    response.simpleReturn("Success", Map.of("ID", Long.toString(id)));
  }

  private void update(ApiRequest request, ApiResponse response) {
    requireManageAuth(request.user());
    Vault vault = find(request);
    VaultService.VaultInput input = input(request, vault.type());
    vaults.update(request.subscription().id(), vault.id(), request.user().login(), input);
    response.simpleReturn("Success", Map.of("ID", Long.toString(vault.id())));
  }

  private void delete(ApiRequest request, ApiResponse response) {
    requireManageAuth(request.user());
    Vault vault = find(request);
    vaults.delete(request.subscription().id(), vault.id(), request.user().login());
    response.simpleReturn("Success", Map.of("ID", Long.toString(vault.id())));
  }

  private Vault find(ApiRequest request) {
    long id = request.positiveLong("id").orElseThrow();
    return vaults
        .findIfPresent(request.subscription().id(), id)
        .orElseThrow(
            () -> ApiException.invalidValue("id", Long.toString(id), "no vault has this id"));
  }

  /**
   * Splits the type-specific parameters into settings and secrets. A parameter of another vault
   * type is unavailable for this one (code 1901).
   */
  private static VaultService.VaultInput input(ApiRequest request, VaultType type) {
    Set<String> allFields = VaultType.allFieldNames();
    List<String> foreign = new ArrayList<>();
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> secrets = new LinkedHashMap<>();
    for (Map.Entry<String, String> param : request.params().entrySet()) {
      String name = param.getKey();
      if (!allFields.contains(name)) {
        continue;
      }
      var field = type.field(name);
      if (field.isEmpty()) {
        foreign.add(name);
      } else if (field.get().secret()) {
        secrets.put(name, param.getValue());
      } else {
        settings.put(name, param.getValue());
      }
    }
    if (!foreign.isEmpty()) {
      throw ApiException.unrecognized(foreign);
    }
    String title = request.string("title").orElse(null);
    if (title != null && (title.isBlank() || title.length() > 255)) {
      throw ApiException.invalidValue("title", title, "use 1 to 255 characters");
    }
    return new VaultService.VaultInput(
        title, request.string("comments").orElse(null), settings, secrets);
  }

  private static VaultType parseType(String text) {
    return VaultType.parse(text)
        .orElseThrow(
            () ->
                ApiException.invalidValue(
                    "type", text, "use one of: " + String.join(", ", VaultType.apiNames())));
  }

  private static void lastModified(XmlOutput xml, Vault vault) {
    xml.start("LAST_MODIFIED");
    xml.element("DATETIME", QualysTime.format(vault.modifiedAt()));
    xml.element("BY", vault.modifiedBy());
    xml.end();
  }

  /**
   * Lets Managers through, and Unit Managers that hold the permission to manage authentication;
   * the access policy has already kept the other roles out.
   */
  static void requireManageAuth(User user) {
    if (user.role() == Role.UNIT_MANAGER && !user.canManageAuth()) {
      throw new ApiException(
          ApiErrorCode.NOT_AUTHORIZED,
          "Access denied: Unit Manager "
              + user.login()
              + " lacks the permission to manage authentication vaults and records.");
    }
  }
}
