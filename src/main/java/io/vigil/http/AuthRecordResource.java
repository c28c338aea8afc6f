package io.vigil.http;

import io.vigil.authrecord.AuthRecord;
import io.vigil.authrecord.AuthRecordService;
import io.vigil.authrecord.IdSelection;
import io.vigil.authrecord.IpRange;
import io.vigil.authrecord.LoginType;
import io.vigil.authrecord.RecordInput;
import io.vigil.authrecord.Technology;
import io.vigil.authrecord.UnixAuthParams;
import io.vigil.authrecord.VaultFields;
import io.vigil.wire.ApiErrorCode;
import io.vigil.wire.ApiException;
import io.vigil.wire.BatchReturn;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /api/2.0/fo/auth/windows/ and /api/2.0/fo/auth/unix/: create, update, list and delete
 * authentication records. Changes reply with BATCH_RETURN; no action returns a password, private
 * key or passphrase.
 */
final class AuthRecordResource {
  /** Most records one list call returns; a WARNING with code 1980 links to the next page. */
  static final int LIST_LIMIT = 1000;

  private static final List<String> WINDOWS_PARAMETERS =
      List.of("windows_domain", "ntlm", "ntlmv2", "kerberos");
  private static final List<String> UNIX_PARAMETERS =
      List.of("port", "cleartext_password", "skip_password");
  private static final List<String> FLAGS =
      List.of("ntlm", "ntlmv2", "kerberos", "cleartext_password", "skip_password");

  private final Technology technology;
  private final AuthRecordService records;

  AuthRecordResource(Technology technology, AuthRecordService records) {
    this.technology = technology;
    this.records = records;
  }

  static String path(Technology technology) {
    return "/api/2.0/fo/auth/" + technology.pathName() + "/";
  }

  ApiResource resource() {
    String[] common = {"username", "password", "comments", "login_type", "vault_id",
        "vault_type", "network_id"};
    String[] vaultFields = VaultFields.allNames().toArray(String[]::new);
    String[] specific = (technology == Technology.WINDOWS ? WINDOWS_PARAMETERS : UNIX_PARAMETERS)
        .toArray(String[]::new);
    return ApiResource.of(
        path(technology),
        ActionSpec.readAction("list").optional("ids", "id_min", "id_max").handledBy(this::list),
        exclusions(ActionSpec.postAction("create")
            .required("title", "username", "ips")
            .optional(common)
            .optional(vaultFields)
            .optional(specific))
            .handledBy(this::create),
        exclusions(ActionSpec.postAction("update")
            .required("ids")
            .optional("title", "ips")
            .optional(common)
            .optional(vaultFields)
            .optional(specific)
            .exclusive("ips", "add_ips")
            .exclusive("ips", "remove_ips"))
            .handledBy(this::update),
        ActionSpec.postAction("delete").required("ids").handledBy(this::delete));
  }

  /** A vault login excludes a stored password (code 1904 when both are given). */
  private ActionSpec.Builder exclusions(ActionSpec.Builder action) {
    action.exclusive("vault_id", "password");
    if (technology == Technology.UNIX) {
      action.exclusive("vault_id", "cleartext_password");
    }
    return action;
  }

  private void list(ApiRequest request, ApiResponse response) {
    IdSelection ids = request.string("ids").map(text -> IdSelection.parse("ids", text))
        .orElse(null);
    Long idMin = request.positiveLong("id_min").stream().boxed().findFirst().orElse(null);
    Long idMax = request.positiveLong("id_max").stream().boxed().findFirst().orElse(null);
    List<AuthRecord> found =
        records.list(request.subscription().id(), technology, ids, idMin, idMax, LIST_LIMIT + 1);
    List<AuthRecord> page = found.size() > LIST_LIMIT ? found.subList(0, LIST_LIMIT) : found;
    response.xml(
        AuthRecordListOutput.root(technology),
        AuthRecordListOutput.dtdPath(technology),
        xml -> {
          xml.start("RESPONSE");
          xml.element("DATETIME", response.now());
          if (!page.isEmpty()) {
            AuthRecordListOutput.writeList(xml, technology, page);
          }
          if (found.size() > LIST_LIMIT) {
            xml.start("WARNING");
            xml.element("CODE", 1980);
            xml.element("TEXT", LIST_LIMIT
                + " record limit exceeded. Use URL to get next batch of results.");
            xml.cdataElement("URL", nextPageUrl(request, response, found.get(LIST_LIMIT).id()));
            xml.end();
          }
          xml.end();
        });
  }

  /** Returns the URL of this call with id_min set to the first id of the next page. */
  private static String nextPageUrl(ApiRequest request, ApiResponse response, long nextId) {
    Map<String, String> params = new LinkedHashMap<>(request.params());
    params.remove("id_min");
    params.put("id_min", Long.toString(nextId));
    List<String> pairs = new ArrayList<>();
    params.forEach((name, value) -> pairs.add(
        URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8)));
    return response.baseUrl() + request.path() + "?" + String.join("&", pairs);
  }

  private void create(ApiRequest request, ApiResponse response) {
    VaultResource.requireManageAuth(request.user());
    if (LoginType.VAULT.apiName().equals(request.string("login_type").orElse(null))) {
      List<String> missing = new ArrayList<>();
      for (String name : List.of("vault_id", "vault_type")) {
        if (request.string(name).map(String::isEmpty).orElse(true)) {
          missing.add(name);
        }
      }
      if (!missing.isEmpty()) {
        throw ApiException.missing(missing);
      }
    }
    long id = records.create(
        request.subscription().id(), request.user().login(), technology, input(request));
    batchReturn(response, "Successfully Created", List.of(id));
  }

  private void update(ApiRequest request, ApiResponse response) {
    VaultResource.requireManageAuth(request.user());
    IdSelection ids = IdSelection.parse("ids", request.required("ids"));
    List<Long> updated = records.update(
        request.subscription().id(), request.user().login(), technology, ids, input(request));
    batchReturn(response, "Successfully Updated", updated);
  }

  private void delete(ApiRequest request, ApiResponse response) {
    VaultResource.requireManageAuth(request.user());
    IdSelection ids = IdSelection.parse("ids", request.required("ids"));
    List<Long> deleted =
        records.delete(request.subscription().id(), request.user().login(), technology, ids);
    batchReturn(response, "Successfully Deleted", deleted);
  }

  private static void batchReturn(ApiResponse response, String text, List<Long> ids) {
    BatchReturn batch = new BatchReturn(text, ids);
    response.xml(BatchReturn.ROOT, BatchReturn.DTD_PATH,
        xml -> batch.writeResponse(xml, response.now()));
  }

  private RecordInput input(ApiRequest request) {
    Map<String, String> settings = new LinkedHashMap<>();
    List<String> names = new ArrayList<>(VaultFields.allNames());
    names.addAll(technology == Technology.WINDOWS ? WINDOWS_PARAMETERS : UNIX_PARAMETERS);
    for (String name : names) {
      if (!request.has(name)) {
        continue;
      }
      settings.put(name, FLAGS.contains(name)
          ? (request.flag(name, false) ? "1" : "0") : request.required(name));
    }
    String networkId = request.string("network_id").orElse("0");
    if (!networkId.equals("0")) {
      throw ApiException.invalidValue("network_id", networkId,
          "Vigil has no scanner networks yet; use 0, the default network");
    }
    LoginType loginType = request.string("login_type").map(text -> LoginType.parse(text)
        .orElseThrow(() -> ApiException.invalidValue("login_type", text,
            "use basic or vault"))).orElse(null);
    return new RecordInput(
        request.string("title").orElse(null),
        request.string("username").orElse(null),
        request.string("comments").orElse(null),
        loginType,
        request.positiveLong("vault_id").stream().boxed().findFirst().orElse(null),
        request.string("vault_type").orElse(null),
        settings,
        request.string("password").orElse(null),
        ips(request, "ips"),
        ips(request, "add_ips"),
        ips(request, "remove_ips"),
        privateKeys(request));
  }

  private static List<IpRange> ips(ApiRequest request, String name) {
    return request.string(name).map(text -> IpRange.parseList(name, text)).orElse(null);
  }

  /** Reads the UNIX_AUTH_PARAMS body of a Unix call; Windows calls take no body. */
  private List<RecordInput.PrivateKeyInput> privateKeys(ApiRequest request) {
    if (request.rawBody().isEmpty()) {
      return null;
    }
    if (technology != Technology.UNIX) {
      throw new ApiException(ApiErrorCode.INVALID_VALUE,
          "Windows records take no request body (Content-Type: " + request.contentType()
              + "); send the parameters in the query string or as a form.");
    }
    return UnixAuthParams.parse(request.rawBody().get()).privateKeys();
  }
}
