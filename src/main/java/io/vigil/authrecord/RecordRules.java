package io.vigil.authrecord;

import io.vigil.vault.Vault;
import io.vigil.vault.VaultType;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks the values of a record as it will be stored, after an update is merged in. */
final class RecordRules {
  static final int MAX_TITLE = 255;
  static final int MAX_USERNAME = 255;
  static final int MAX_COMMENTS = 1999;

  /** Settings of Windows records, by API parameter name. */
  static final List<String> WINDOWS_SETTINGS =
      List.of("windows_domain", "ntlm", "ntlmv2", "kerberos");

  /** Settings of Unix records, by API parameter name. */
  static final List<String> UNIX_SETTINGS = List.of("port", "cleartext_password", "skip_password");

  /** The Windows protocols and whether each is on when the record does not set it. */
  static final Map<String, Boolean> WINDOWS_PROTOCOLS =
      Map.of("ntlm", false, "kerberos", false, "ntlmv2", true);

  private RecordRules() {}

  static void checkTexts(String title, String username, String comments) {
    if (title == null || title.isBlank() || title.length() > MAX_TITLE) {
      throw new InvalidRecordValueException(
          "title", title == null ? "" : title, "use 1 to " + MAX_TITLE + " characters");
    }
    if (username == null || username.isBlank() || username.length() > MAX_USERNAME) {
      throw new InvalidRecordValueException(
          "username", username == null ? "" : username,
          "use 1 to " + MAX_USERNAME + " characters");
    }
    if (comments.length() > MAX_COMMENTS) {
      throw new InvalidRecordValueException(
          "comments", comments.substring(0, 40) + "...",
          "use at most " + MAX_COMMENTS + " characters");
    }
  }

  /** Checks the settings and secrets of a technology for a basic or a vault login. */
  static void checkTechnology(
      Technology technology, LoginType loginType, Map<String, String> settings,
      Set<String> secretNames) {
    if (technology == Technology.WINDOWS) {
      boolean anyProtocol =
          WINDOWS_PROTOCOLS.entrySet().stream()
              .anyMatch(protocol -> flag(settings, protocol.getKey(), protocol.getValue()));
      if (!anyProtocol) {
        throw new InvalidRecordValueException(
            "ntlmv2", settings.getOrDefault("ntlmv2", "1"),
            "enable at least one of ntlm, kerberos and ntlmv2");
      }
      if (loginType == LoginType.BASIC && !secretNames.contains(AuthRecordService.PASSWORD)) {
        throw new InvalidRecordValueException(
            "password", "", "required when login_type=basic; or set login_type=vault");
      }
      return;
    }
    boolean hasPassword = secretNames.contains(AuthRecordService.PASSWORD);
    if (flag(settings, "skip_password", false) && hasPassword) {
      throw new InvalidRecordValueException(
          "skip_password", "1", "a record with skip_password=1 has no password; remove password");
    }
    String ports = settings.get("port");
    if (ports != null) {
      settings.put("port", normalizePorts(ports));
    }
  }

  /** Checks that a vault and the record's vault settings fit together. */
  static void checkVault(Technology technology, Vault vault, Map<String, String> settings,
      Set<String> givenVaultFields) {
    VaultType type = vault.type();
    if (!VaultFields.supports(type)) {
      throw new InvalidRecordValueException(
          "vault_id", Long.toString(vault.id()),
          "records cannot use " + type.apiName() + " vaults yet; use a CyberArk AIM, CyberArk PIM"
              + " Suite or Wallix AdminBastion (WAB) vault");
    }
    List<String> names = VaultFields.of(type).stream().map(VaultFields.Field::name).toList();
    for (String given : givenVaultFields) {
      if (!names.contains(given)) {
        throw new InvalidRecordValueException(
            given, settings.getOrDefault(given, ""),
            "not used by " + type.apiName() + " vaults; use " + String.join(" and ", names));
      }
    }
    for (String name : names) {
      String value = settings.get(name);
      if (value == null || value.isBlank()) {
        throw new InvalidRecordValueException(
            name, value == null ? "" : value, "required with a " + type.apiName() + " vault");
      }
    }
    if (type == VaultType.WALLIX_ADMINBASTION) {
      VaultFields.checkTargetName(technology, settings.get("target_name"));
    }
  }

  /** Returns "22, 23" for "22,23"; each port must be from 1 to 65535. */
  static String normalizePorts(String ports) {
    List<String> parts = List.of(ports.split(",")).stream().map(String::trim)
        .filter(part -> !part.isEmpty()).toList();
    if (parts.isEmpty()) {
      throw new InvalidRecordValueException("port", ports, "list one or more ports, such as 22");
    }
    for (String part : parts) {
      int port;
      try {
        port = Integer.parseInt(part);
      } catch (NumberFormatException e) {
        port = 0;
      }
      if (port < 1 || port > 65535) {
        throw new InvalidRecordValueException("port", ports, "not a port from 1 to 65535: " + part);
      }
    }
    return String.join(", ", parts);
  }

  private static boolean flag(Map<String, String> settings, String name, boolean defaultValue) {
    String value = settings.get(name);
    return value == null ? defaultValue : value.equals("1");
  }
}
