package io.vigil.vault;

import io.vigil.secret.SealedColumn;
import io.vigil.secret.SecretBox;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates, changes, lists and deletes vaults. Secret settings are sealed before they reach the
 * database and are opened only by {@link #secrets}, for the vault clients at scan time.
 */
public final class VaultService {
  private static final Logger log = LoggerFactory.getLogger(VaultService.class);

  /** Characters a WAB API key may not contain. */
  private static final String APPKEY_FORBIDDEN = "\\/:*?\"<>|";

  private final VaultStore store;
  private final SecretBox box;
  private final Clock clock;
  private volatile VaultUsage usage = VaultUsage.NONE;

  public VaultService(Jdbi jdbi, SecretBox box, Clock clock) {
    this.store = new VaultStore(jdbi);
    this.box = box;
    this.clock = clock;
  }

  /** Sets who is asked whether a vault is in use before it is deleted. */
  public void setUsage(VaultUsage usage) {
    this.usage = usage;
  }

  /** Settings of a new or changed vault, as given: absent keys are not set. */
  public record VaultInput(
      String title, String comments, Map<String, String> settings, Map<String, String> secrets) {}

  public long create(long subscriptionId, String login, VaultType type, VaultInput input) {
    Map<String, String> settings = new LinkedHashMap<>(input.settings());
    if (type.field("ssl_verify").isPresent()) {
      settings.putIfAbsent("ssl_verify", "1");
    }
    validate(type, settings, input.secrets());
    long id =
        store.insert(
            new VaultStore.Row(
                subscriptionId,
                input.title(),
                type,
                input.comments() == null ? "" : input.comments(),
                settings,
                new TreeSet<>(input.secrets().keySet()),
                seal(input.secrets()),
                clock.instant(),
                login));
    log.info("Vault created: id={} type={} by={}", id, type.apiName(), login);
    return id;
  }

  /**
   * Changes a vault. Settings and secrets absent from {@code input} keep their values. For a WAB
   * vault, a new password replaces the API key and the other way round, since it uses one of them.
   */
  public void update(long subscriptionId, long id, String login, VaultInput input) {
    Vault current = find(subscriptionId, id);
    Map<String, String> settings = new LinkedHashMap<>(current.settings());
    settings.putAll(input.settings());
    Map<String, String> secrets = new LinkedHashMap<>(secrets(current));
    if (current.type() == VaultType.WALLIX_ADMINBASTION) {
      if (input.secrets().containsKey("password")) {
        secrets.remove("appkey");
      }
      if (input.secrets().containsKey("appkey")) {
        secrets.remove("password");
      }
    }
    secrets.putAll(input.secrets());
    validate(current.type(), settings, secrets);
    store.update(
        id,
        new VaultStore.Row(
            subscriptionId,
            input.title() == null ? current.title() : input.title(),
            current.type(),
            input.comments() == null ? current.comments() : input.comments(),
            settings,
            new TreeSet<>(secrets.keySet()),
            seal(secrets),
            clock.instant(),
            login));
    log.info("Vault updated: id={} by={}", id, login);
  }

  public void delete(long subscriptionId, long id, String login) {
    find(subscriptionId, id);
    List<Long> records = usage.recordsUsing(id);
    if (!records.isEmpty()) {
      throw new VaultInUseException(id, records);
    }
    store.delete(subscriptionId, id);
    log.info("Vault deleted: id={} by={}", id, login);
  }

  public Vault find(long subscriptionId, long id) {
    return store.find(subscriptionId, id).orElseThrow(() -> new VaultNotFoundException(id));
  }

  public Optional<Vault> findIfPresent(long subscriptionId, long id) {
    return store.find(subscriptionId, id);
  }

  /**
   * Lists vaults.
   *
   * @param orderBy one of id, title, system_name, last_modified, last_modified_by
   * @param limit maximum number of vaults, or null for all
   */
  public List<Vault> list(
      long subscriptionId,
      String title,
      VaultType type,
      Instant modifiedSince,
      String orderBy,
      boolean descending,
      Integer limit,
      Integer offset) {
    return store.list(
        subscriptionId,
        new VaultStore.ListQuery(title, type, modifiedSince, orderBy, descending, limit, offset));
  }

  /** Opens the secret settings of a vault. Only vault clients call this, at scan time. */
  public Map<String, String> secrets(Vault vault) {
    return store
        .findSealedSecrets(vault.subscriptionId(), vault.id())
        .map(sealed -> VaultStore.fromJson(box.open(sealed, SealedColumn.VAULT_SECRETS.purpose())))
        .orElse(Map.of());
  }

  private String seal(Map<String, String> secrets) {
    if (secrets.isEmpty()) {
      return null;
    }
    return box.seal(VaultStore.toJson(secrets), SealedColumn.VAULT_SECRETS.purpose());
  }

  private static void validate(
      VaultType type, Map<String, String> settings, Map<String, String> secrets) {
    for (Map.Entry<String, String> setting : settings.entrySet()) {
      String name = setting.getKey();
      String value = setting.getValue();
      if (name.equals("url") || name.equals("ca_url")) {
        checkUrl(name, value);
      } else if (name.endsWith("ssl_verify") && !value.equals("0") && !value.equals("1")) {
        throw new InvalidVaultSettingException(name, value, "must be 0 or 1");
      } else if (name.equals("port")) {
        checkPort(value);
      }
    }
    if (secrets.containsKey("appkey")) {
      checkAppKey(secrets.get("appkey"));
    }
    for (VaultField field : type.fields()) {
      boolean present =
          field.secret() ? secrets.containsKey(field.name()) : settings.containsKey(field.name());
      if (field.requiredOnCreate() && !present) {
        throw new InvalidVaultSettingException(field.name(), "", "required for " + type.apiName());
      }
    }
    if (type == VaultType.WALLIX_ADMINBASTION
        && !secrets.containsKey("password")
        && !secrets.containsKey("appkey")) {
      throw new InvalidVaultSettingException(
          "password", "", "a Wallix AdminBastion (WAB) vault needs password or appkey");
    }
  }

  private static void checkUrl(String name, String value) {
    try {
      URI uri = URI.create(value);
      String scheme = uri.getScheme();
      if (uri.getHost() != null && ("http".equals(scheme) || "https".equals(scheme))) {
        return;
      }
    } catch (IllegalArgumentException e) {
      // reported below
    }
    throw new InvalidVaultSettingException(name, value, "not an http:// or https:// URL");
  }

  private static void checkPort(String value) {
    try {
      int port = Integer.parseInt(value);
      if (port >= 1 && port <= 65535) {
        return;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new InvalidVaultSettingException("port", value, "not a port from 1 to 65535");
  }

  /** Applies Qualys' rules for WAB API keys; the key itself never appears in the message. */
  static void checkAppKey(String appKey) {
    if (appKey.isEmpty()) {
      throw new InvalidVaultSettingException("appkey", "", "must not be empty");
    }
    char first = appKey.charAt(0);
    char last = appKey.charAt(appKey.length() - 1);
    if (first == '.' || first == ' ' || last == '.' || last == ' ') {
      throw new InvalidVaultSettingException(
          "appkey", "", "must not start or end with a period or a space");
    }
    for (int i = 0; i < appKey.length(); i++) {
      char c = appKey.charAt(i);
      if (APPKEY_FORBIDDEN.indexOf(c) >= 0) {
        throw new InvalidVaultSettingException(
            "appkey", "", "must not contain any of \\ / : * ? \" < > |");
      }
      if (c > 0x7F) {
        throw new InvalidVaultSettingException(
            "appkey", "", "must not contain multi-byte UTF-8 characters");
      }
    }
  }
}
