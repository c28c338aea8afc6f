package io.vigil.http;

import io.vigil.account.Role;
import io.vigil.authrecord.Technology;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The one table of permissions for the whole API: the roles that may run each action. An action
 * missing from the table stops the server at start-up, so no action is left open by mistake.
 */
public final class AccessPolicy {
  public static final Set<Role> EVERY_ROLE = EnumSet.allOf(Role.class);

  /** Roles that see vaults and authentication records. */
  static final Set<Role> AUTH_READERS =
      EnumSet.of(Role.MANAGER, Role.UNIT_MANAGER, Role.SCANNER, Role.READER);

  /**
   * Roles that change vaults and records; a Unit Manager also needs the manage-auth permission,
   * which the resources check.
   */
  static final Set<Role> AUTH_MANAGERS = EnumSet.of(Role.MANAGER, Role.UNIT_MANAGER);

  /** Roles that list IPs, excluded IPs, asset groups and scanner appliances. */
  static final Set<Role> ASSET_READERS =
      EnumSet.of(Role.MANAGER, Role.UNIT_MANAGER, Role.SCANNER, Role.READER);

  /**
   * Roles that add and change IPs, exclusions and asset groups. Vigil has no business units, so a
   * Unit Manager acts on every asset of the subscription.
   */
  static final Set<Role> ASSET_EDITORS = EnumSet.of(Role.MANAGER, Role.UNIT_MANAGER);

  /** Roles that may clear the whole excluded list at once. */
  static final Set<Role> MANAGERS_ONLY = EnumSet.of(Role.MANAGER);

  /** Roles that launch and control scans. */
  static final Set<Role> SCAN_OPERATORS = EnumSet.of(Role.MANAGER, Role.UNIT_MANAGER, Role.SCANNER);

  /** Roles that see scans, their results and option profiles. */
  static final Set<Role> SCAN_READERS =
      EnumSet.of(Role.MANAGER, Role.UNIT_MANAGER, Role.SCANNER, Role.READER);

  /**
   * Roles that read the scan summary of hosts not scanned, each over every scan of the
   * subscription. Qualys lets only Managers call it; Vigil adds the roles that may already list
   * and fetch every scan, whose results contain the same hosts, so the summary shows them nothing
   * new.
   */
  static final Set<Role> SCAN_SUMMARY_READERS = SCAN_READERS;

  private final Map<String, Set<Role>> allowed = new HashMap<>();

  /** Returns the permissions of every action Vigil serves. */
  public static AccessPolicy standard() {
    return new AccessPolicy()
        .allow("/api/2.0/fo/session/", "login", EVERY_ROLE)
        .allow("/api/2.0/fo/session/", "logout", EVERY_ROLE)
        .allow(AboutResource.PATH, "", EVERY_ROLE)
        .allow(VaultResource.PATH, "list", AUTH_READERS)
        .allow(VaultResource.PATH, "view", AUTH_READERS)
        .allow(VaultResource.PATH, "create", AUTH_MANAGERS)
        .allow(VaultResource.PATH, "update", AUTH_MANAGERS)
        .allow(VaultResource.PATH, "delete", AUTH_MANAGERS)
        .allowAuthRecords(Technology.WINDOWS)
        .allowAuthRecords(Technology.UNIX)
        .allow(AssetIpResource.PATH, "list", ASSET_READERS)
        .allow(AssetIpResource.PATH, "add", ASSET_EDITORS)
        .allow(AssetIpResource.PATH, "update", ASSET_EDITORS)
        .allow(ExcludedIpResource.PATH, "list", ASSET_READERS)
        .allow(ExcludedIpResource.PATH, "add", ASSET_EDITORS)
        .allow(ExcludedIpResource.PATH, "remove", ASSET_EDITORS)
        .allow(ExcludedIpResource.PATH, "remove_all", MANAGERS_ONLY)
        .allow(AssetGroupResource.PATH, "list", ASSET_READERS)
        .allow(AssetGroupResource.PATH, "add", ASSET_EDITORS)
        .allow(AssetGroupResource.PATH, "edit", ASSET_EDITORS)
        .allow(AssetGroupResource.PATH, "delete", ASSET_EDITORS)
        .allow(ApplianceResource.PATH, "list", ASSET_READERS)
        .allow(OptionProfileResource.PATH, "list", SCAN_READERS)
        .allow(OptionProfileResource.PATH, "create", AUTH_MANAGERS)
        .allow(ScanResource.PATH, "launch", SCAN_OPERATORS)
        .allow(ScanResource.PATH, "list", SCAN_READERS)
        .allow(ScanResource.PATH, "cancel", SCAN_OPERATORS)
        .allow(ScanResource.PATH, "pause", SCAN_OPERATORS)
        .allow(ScanResource.PATH, "resume", SCAN_OPERATORS)
        .allow(ScanResource.PATH, "delete", SCAN_OPERATORS)
        .allow(ScanResource.PATH, "fetch", SCAN_READERS)
        .allow(ScanSummaryResource.PATH, "list", SCAN_SUMMARY_READERS);
  }

  private AccessPolicy allowAuthRecords(Technology technology) {
    String path = AuthRecordResource.path(technology);
    return allow(path, "list", AUTH_READERS)
        .allow(path, "create", AUTH_MANAGERS)
        .allow(path, "update", AUTH_MANAGERS)
        .allow(path, "delete", AUTH_MANAGERS);
  }

  /** Lets {@code roles} run {@code action} of the resource at {@code path}. */
  public AccessPolicy allow(String path, String action, Set<Role> roles) {
    allowed.put(key(path, action), Set.copyOf(roles));
    return this;
  }

  boolean covers(String path, String action) {
    return allowed.containsKey(key(path, action));
  }

  boolean permits(String path, String action, Role role) {
    Set<Role> roles = allowed.get(key(path, action));
    return roles != null && roles.contains(role);
  }

  private static String key(String path, String action) {
    return path + ' ' + action;
  }
}
