package io.vigil.authrecord;

import io.vigil.vault.VaultType;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The record parameters that tell a vault which secret to return, per vault type, and the
 * list-output element of each. Records may use the vault types Vigil fetches secrets from.
 */
public final class VaultFields {
  /**
   * A vault parameter of a record.
   *
   * @param name API parameter and settings key
   * @param element element inside DIGITAL_VAULT in the list output
   */
  public record Field(String name, String element) {}

  private static final List<Field> CYBERARK =
      List.of(new Field("folder", "VAULT_FOLDER"), new Field("file", "VAULT_FILE"));

  private static final Map<VaultType, List<Field>> BY_TYPE =
      Map.of(
          VaultType.CYBERARK_AIM, CYBERARK,
          VaultType.CYBERARK_PIM_SUITE, CYBERARK,
          VaultType.WALLIX_ADMINBASTION,
          List.of(
              new Field("authorization_name", "VAULT_AUTHORIZATION_NAME"),
              new Field("target_name", "VAULT_TARGET_NAME")));

  /** Variables a WAB target name may contain; the scan engine replaces them per host. */
  private static final Set<String> TARGET_VARIABLES =
      Set.of("ip", "ip_dash", "dnshost", "host", "nbhost");

  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private VaultFields() {}

  /** Returns the fields of a vault type, all required, or an empty list for other types. */
  public static List<Field> of(VaultType type) {
    return BY_TYPE.getOrDefault(type, List.of());
  }

  /** Returns whether records may use vaults of this type. */
  public static boolean supports(VaultType type) {
    return BY_TYPE.containsKey(type);
  }

  /** Returns every vault parameter name of every type, in a stable order. */
  public static Set<String> allNames() {
    Set<String> names = new LinkedHashSet<>();
    CYBERARK.forEach(field -> names.add(field.name()));
    of(VaultType.WALLIX_ADMINBASTION).forEach(field -> names.add(field.name()));
    return names;
  }

  /**
   * Checks a WAB target name: user@domain or user@domain@device, where any part may use the
   * variables ${ip}, ${ip_dash}, ${dnshost}, ${host}, and on Windows ${nbhost}.
   */
  static void checkTargetName(Technology technology, String targetName) {
    String[] parts = targetName.split("@", -1);
    if (parts.length < 2 || parts.length > 3 || List.of(parts).stream().anyMatch(String::isBlank)) {
      throw new InvalidRecordValueException(
          "target_name", targetName, "use user@domain or user@local_domain@device");
    }
    Matcher matcher = VARIABLE.matcher(targetName);
    while (matcher.find()) {
      String variable = matcher.group(1);
      if (!TARGET_VARIABLES.contains(variable)) {
        throw new InvalidRecordValueException(
            "target_name", targetName,
            "unknown variable ${" + variable + "}; use ${ip}, ${ip_dash}, ${dnshost}, ${host}"
                + " or ${nbhost}");
      }
      if (variable.equals("nbhost") && technology != Technology.WINDOWS) {
        throw new InvalidRecordValueException(
            "target_name", targetName, "${nbhost} is available in Windows records only");
      }
    }
  }
}
