package io.vigil.vault;

import static io.vigil.vault.VaultField.optional;
import static io.vigil.vault.VaultField.optionalSecret;
import static io.vigil.vault.VaultField.required;
import static io.vigil.vault.VaultField.requiredSecret;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The vault types Qualys accepts, by their exact API strings, with the settings each one takes.
 * Vigil fetches secrets from CyberArk AIM, CyberArk PIM Suite and Wallix AdminBastion (WAB). The
 * other types can be stored and listed, so imported configurations keep them.
 */
public enum VaultType {
  ARCON_PAM("ARCON PAM", List.of(optional("vault_service_type", "VAULT_SERVICE_TYPE"),
      optional("url", "URL"), optional("ssl_verify", "SSL_VERIFY"))),
  AZURE_KEY("Azure Key", List.of(optional("app_id", "APP_ID"), optional("url", "URL"),
      optionalSecret("secret"))),
  BEYONDTRUST_PBPS("BeyondTrust PBPS", List.of(required("url", "URL"),
      optional("ssl_verify", "SSL_VERIFY"), optional("username", "USERNAME"),
      optionalSecret("appkey"), optionalSecret("password"), optional("cert", "CERT"),
      optionalSecret("private_key"), optionalSecret("passphrase"))),
  CA_ACCESS_CONTROL("CA Access Control", List.of(required("ca_url", "CA_URL"),
      optional("ca_api_username", "CA_API_USERNAME"), optional("ca_ssl_verify", "CA_SSL_VERIFY"),
      optional("ca_web_username", "CA_WEB_USERNAME"), optionalSecret("ca_web_password"))),
  CA_PAM("CA PAM", List.of(optional("url", "URL"), optional("ssl_verify", "SSL_VERIFY"),
      optional("username", "USERNAME"), optionalSecret("password"))),
  CYBERARK_AIM("CyberArk AIM", List.of(required("url", "URL"), required("appid", "APPID"),
      required("safe", "SAFE"), optional("ssl_verify", "SSL_VERIFY"), optional("cert", "CERT"),
      optionalSecret("private_key"), optionalSecret("private_key_pwd"))),
  CYBERARK_PIM_SUITE("CyberArk PIM Suite", List.of(
      required("server_address", "SERVER_ADDRESS"), optional("port", "PORT"),
      required("safe", "SAFE"), required("username", "USERNAME"),
      requiredSecret("password"), optional("ssl_verify", "SSL_VERIFY"))),
  HASHICORP("HashiCorp", List.of(required("url", "URL"), optional("api_version", "API_VERSION"),
      optional("ssl_verify", "SSL_VERIFY"), optional("auth_type", "AUTH_TYPE"),
      optional("path", "PATH"), optional("username", "USERNAME"), optionalSecret("password"),
      optional("role_name", "ROLE_NAME"), optional("cert", "CERT"),
      optionalSecret("private_key"), optionalSecret("passphrase"),
      optional("role_id", "ROLE_ID"), optionalSecret("secret_id"))),
  HITACHI_ID_PAM("Hitachi ID PAM", List.of(optional("url", "URL"),
      optional("ssl_verify", "SSL_VERIFY"), optional("username", "USERNAME"),
      optionalSecret("password"))),
  LIEBERMAN_ERPM("Lieberman ERPM", List.of(required("url", "URL"),
      required("username", "USERNAME"), optionalSecret("password"), optional("domain", "DOMAIN"))),
  QUEST_VAULT("Quest Vault", List.of(required("server_address", "SERVER_ADDRESS"),
      optional("port", "PORT"), required("username", "USERNAME"), optionalSecret("access_key"))),
  THYCOTIC_SECRET_SERVER("Thycotic Secret Server", List.of(required("url", "URL"),
      required("username", "USERNAME"), optionalSecret("password"),
      optional("domain", "DOMAIN"))),
  WALLIX_ADMINBASTION("Wallix AdminBastion (WAB)", List.of(required("url", "URL"),
      optional("ssl_verify", "SSL_VERIFY"), required("username", "USERNAME"),
      optionalSecret("password"), optionalSecret("appkey")));

  private final String apiName;
  private final List<VaultField> fields;

  VaultType(String apiName, List<VaultField> fields) {
    this.apiName = apiName;
    this.fields = fields;
  }

  /** Returns the exact string of the {@code type} and {@code vault_type} parameters and outputs. */
  public String apiName() {
    return apiName;
  }

  public List<VaultField> fields() {
    return fields;
  }

  public Optional<VaultField> field(String name) {
    return fields.stream().filter(field -> field.name().equals(name)).findFirst();
  }

  /** Returns whether Vigil can fetch secrets from vaults of this type at scan time. */
  public boolean supportsRetrieval() {
    return this == CYBERARK_AIM || this == CYBERARK_PIM_SUITE || this == WALLIX_ADMINBASTION;
  }

  /**
   * Parses a type string. The match ignores case; the spelling "Cyber-Ark" that Qualys used before
   * it renamed the types is accepted on input, but never written.
   */
  public static Optional<VaultType> parse(String text) {
    String normalized = text.trim().replace("Cyber-Ark", "CyberArk").replace("cyber-ark", "CyberArk")
        .toLowerCase(Locale.ROOT);
    for (VaultType type : values()) {
      if (type.apiName.toLowerCase(Locale.ROOT).equals(normalized)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Returns every type-specific parameter name, for the API's list of known parameters. */
  public static Set<String> allFieldNames() {
    Set<String> names = new LinkedHashSet<>();
    for (VaultType type : values()) {
      type.fields.forEach(field -> names.add(field.name()));
    }
    return names;
  }

  /** Names of the settings of every type that hold secrets. */
  public static Set<String> allSecretNames() {
    Set<String> names = new LinkedHashSet<>();
    for (VaultType type : values()) {
      type.fields.stream().filter(VaultField::secret).forEach(field -> names.add(field.name()));
    }
    return names;
  }

  public static List<String> apiNames() {
    return java.util.Arrays.stream(values()).map(VaultType::apiName).toList();
  }
}
