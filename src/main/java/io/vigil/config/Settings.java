package io.vigil.config;

import io.vigil.account.PasswordHasher;
import io.vigil.account.WeakPasswordException;
import io.vigil.net.IpRange;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Settings of a running Vigil server, validated once by {@link #validate()} before anything
 * starts.
 *
 * @param host address the HTTP listener binds to
 * @param port TCP port of the HTTP listener; 0 picks a free port (tests)
 * @param dataDir directory for the embedded database and other local state
 * @param database where the data is stored
 * @param baseUrl platform URL Vigil calls itself in DOCTYPE system ids and paging URLs, without a
 *     trailing slash
 * @param tls keystore for HTTPS, or null for plain HTTP
 * @param sessionTimeout inactivity after which an API session expires
 * @param maxSessionsPerUser open API sessions one user may hold at once
 * @param adminPassword password given to the first Manager on an empty database, or null to
 *     generate one
 * @param scanAllow networks besides loopback that scans may probe; empty allows loopback only
 * @param scanDeny networks that scans never probe, even inside loopback or {@code scanAllow}
 */
public record Settings(
    String host,
    int port,
    Path dataDir,
    DatabaseSettings database,
    String baseUrl,
    TlsSettings tls,
    Duration sessionTimeout,
    int maxSessionsPerUser,
    String adminPassword,
    List<IpRange> scanAllow,
    List<IpRange> scanDeny) {

  public Settings {
    scanAllow = List.copyOf(scanAllow);
    scanDeny = List.copyOf(scanDeny);
  }

  /** Settings without a deny list. */
  public Settings(
      String host,
      int port,
      Path dataDir,
      DatabaseSettings database,
      String baseUrl,
      TlsSettings tls,
      Duration sessionTimeout,
      int maxSessionsPerUser,
      String adminPassword,
      List<IpRange> scanAllow) {
    this(host, port, dataDir, database, baseUrl, tls, sessionTimeout, maxSessionsPerUser,
        adminPassword, scanAllow, List.of());
  }

  /** Settings that let scans probe loopback only. */
  public Settings(
      String host,
      int port,
      Path dataDir,
      DatabaseSettings database,
      String baseUrl,
      TlsSettings tls,
      Duration sessionTimeout,
      int maxSessionsPerUser,
      String adminPassword) {
    this(host, port, dataDir, database, baseUrl, tls, sessionTimeout, maxSessionsPerUser,
        adminPassword, List.of(), List.of());
  }

  /** Returns these settings with scans allowed to probe {@code ranges} besides loopback. */
  public Settings withScanAllow(List<IpRange> ranges) {
    return new Settings(host, port, dataDir, database, baseUrl, tls, sessionTimeout,
        maxSessionsPerUser, adminPassword, ranges, scanDeny);
  }

  /** Returns these settings with scans never probing {@code ranges}. */
  public Settings withScanDeny(List<IpRange> ranges) {
    return new Settings(host, port, dataDir, database, baseUrl, tls, sessionTimeout,
        maxSessionsPerUser, adminPassword, scanAllow, ranges);
  }

  /** Default inactivity limit of an API session, as on Qualys. */
  public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofMinutes(60);

  public static final int DEFAULT_MAX_SESSIONS_PER_USER = 10;

  /** Longest session inactivity limit accepted: one week. */
  public static final Duration MAX_SESSION_TIMEOUT = Duration.ofDays(7);

  /** HTTPS keystore in PKCS#12 format. */
  public record TlsSettings(Path keystore, String keystorePassword) {}

  public boolean tlsEnabled() {
    return tls != null;
  }

  /** Checks every value and throws {@link InvalidSettingsException} naming the first bad one. */
  public Settings validate() {
    if (port < 0 || port > 65535) {
      throw new InvalidSettingsException(
          "Invalid port " + port + ": use a value from 1 to 65535, or 0 for any free port.");
    }
    if (host == null || host.isBlank()) {
      throw new InvalidSettingsException("Missing host: set --host or VIGIL_HOST.");
    }
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new InvalidSettingsException(
          "Invalid data directory " + dataDir + ": it exists and is not a directory.");
    }
    String url = database.url();
    if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
      throw new InvalidSettingsException(
          "Invalid database URL "
              + database.maskedUrl()
              + ": use jdbc:postgresql://HOST:PORT/DB, or leave it unset for the embedded H2"
              + " database.");
    }
    validateBaseUrl();
    if (tls != null) {
      if (!Files.isReadable(tls.keystore())) {
        throw new InvalidSettingsException(
            "TLS keystore " + tls.keystore() + " is missing or not readable.");
      }
      if (tls.keystorePassword() == null) {
        throw new InvalidSettingsException(
            "Missing TLS keystore password: set --tls-keystore-password or"
                + " VIGIL_TLS_KEYSTORE_PASSWORD.");
      }
    }
    if (sessionTimeout.isNegative() || sessionTimeout.isZero()
        || sessionTimeout.compareTo(MAX_SESSION_TIMEOUT) > 0) {
      throw new InvalidSettingsException(
          "Invalid session timeout " + sessionTimeout.toMinutes() + " minutes: use 1 to "
              + MAX_SESSION_TIMEOUT.toMinutes() + ".");
    }
    if (maxSessionsPerUser < 1) {
      throw new InvalidSettingsException(
          "Invalid maximum sessions per user " + maxSessionsPerUser + ": use at least 1.");
    }
    if (adminPassword != null) {
      try {
        PasswordHasher.checkStrength(adminPassword);
      } catch (WeakPasswordException e) {
        throw new InvalidSettingsException("Invalid VIGIL_ADMIN_PASSWORD: " + e.getMessage());
      }
    }
    return this;
  }

  private void validateBaseUrl() {
    URI uri;
    try {
      uri = URI.create(baseUrl);
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingsException("Invalid base URL " + baseUrl + ": " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
      throw new InvalidSettingsException(
          "Invalid base URL " + baseUrl + ": use http://HOST[:PORT] or https://HOST[:PORT].");
    }
    if (baseUrl.endsWith("/")) {
      throw new InvalidSettingsException(
          "Invalid base URL " + baseUrl + ": remove the trailing slash.");
    }
  }

  /** Describes the settings in one log line, with the secrets masked. */
  public String describe() {
    return String.format(
        Locale.ROOT,
        "host=%s port=%d dataDir=%s db=%s dbUser=%s dbPassword=%s baseUrl=%s tls=%s"
            + " sessionTimeoutMinutes=%d maxSessionsPerUser=%d adminPassword=%s scanAllow=%s"
            + " scanDeny=%s",
        host,
        port,
        dataDir.toAbsolutePath(),
        database.maskedUrl(),
        database.user(),
        mask(database.password()),
        baseUrl,
        tls == null ? "off" : tls.keystore().toString(),
        sessionTimeout.toMinutes(),
        maxSessionsPerUser,
        mask(adminPassword),
        scanAllow.isEmpty() ? "loopback" : "loopback," + scanAllow,
        scanDeny.isEmpty() ? "none" : scanDeny);
  }

  private static String mask(String secret) {
    return secret == null || secret.isEmpty() ? "(unset)" : "****";
  }
}
