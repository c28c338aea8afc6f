package io.vigil;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vigil.account.AccountService;
import io.vigil.account.AccountStore;
import io.vigil.account.Authenticator;
import io.vigil.account.LoginThrottle;
import io.vigil.account.PasswordHasher;
import io.vigil.authrecord.AuthRecordService;
import io.vigil.asset.AssetScope;
import io.vigil.asset.AssetServices;
import io.vigil.config.Settings;
import io.vigil.db.Database;
import io.vigil.http.AccessPolicy;
import io.vigil.http.ApiDispatcher;
import io.vigil.http.ApiResources;
import io.vigil.http.ApiServices;
import io.vigil.http.HttpServer;
import io.vigil.ratelimit.ApiLimiter;
import io.vigil.scan.OptionProfileService;
import io.vigil.scan.HostNames;
import io.vigil.scan.ScanService;
import io.vigil.scan.engine.TargetPolicy;
import io.vigil.secret.Keyring;
import io.vigil.secret.MasterKey;
import io.vigil.secret.SecretBox;
import io.vigil.session.SessionService;
import io.vigil.vault.VaultService;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the database, services and HTTP listener of one Vigil server from
 * its settings, and stops them in reverse order.
 */
public final class VigilServer implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(VigilServer.class);

  /** bcrypt cost of stored passwords. */
  public static final int PASSWORD_LOG_ROUNDS = 12;

  private final AtomicBoolean closing = new AtomicBoolean();
  private final Settings settings;
  private final Database database;
  private final HttpServer http;
  private final ScanService scans;
  private final AccountService accounts;
  private final AccountStore accountStore;
  private final AuthRecordService authRecords;
  private final VaultService vaults;
  private final AssetServices assets;
  private final int port;

  private VigilServer(
      Settings settings,
      Database database,
      HttpServer http,
      ScanService scans,
      AccountService accounts,
      AccountStore accountStore,
      AuthRecordService authRecords,
      VaultService vaults,
      AssetServices assets,
      int port) {
    this.settings = settings;
    this.database = database;
    this.http = http;
    this.scans = scans;
    this.accounts = accounts;
    this.accountStore = accountStore;
    this.authRecords = authRecords;
    this.vaults = vaults;
    this.assets = assets;
    this.port = port;
  }

  /**
   * Validates the settings, opens and migrates the database, creates the first Manager on an empty
   * database, starts the scan scheduler and starts listening.
   *
   * @param announceBootstrap receives the first Manager's password when Vigil generated it, so the
   *     caller can show it once; it is never logged
   * @param extraResources adds API resources to those Vigil serves (tests use it)
   */
  public static VigilServer start(
      Settings settings,
      Clock clock,
      Consumer<AccountService.Bootstrap> announceBootstrap,
      Consumer<ApiResources.Builder> extraResources) {
    return start(settings, clock, announceBootstrap, extraResources, null);
  }

  /**
   * Starts a server like {@link #start(Settings, Clock, Consumer, Consumer)}, whose scans read
   * the scannable IPs, exclusions and asset groups from {@code assetScope} instead of the asset
   * storage (tests use it).
   *
   * @param assetScope the scope scans use, or null for the subscription's stored assets
   */
  public static VigilServer start(
      Settings settings,
      Clock clock,
      Consumer<AccountService.Bootstrap> announceBootstrap,
      Consumer<ApiResources.Builder> extraResources,
      AssetScope assetScope) {
    settings.validate();
    log.info("Starting Vigil {}: {}", Version.current(), settings.describe());
    Database database = Database.open(settings.database(), "vigil-db", 10);
    ScanService scans = null;
    try {
      AccountStore accountStore = new AccountStore(database.jdbi(), clock);
      PasswordHasher hasher = new PasswordHasher(PASSWORD_LOG_ROUNDS);
      AccountService accounts = new AccountService(accountStore, hasher);
      Optional<AccountService.Bootstrap> bootstrap = accounts.bootstrap(settings.adminPassword());
      bootstrap.ifPresent(announceBootstrap);

      Authenticator authenticator =
          new Authenticator(accountStore, hasher, new LoginThrottle(clock), clock);
      SessionService sessions =
          new SessionService(
              database.jdbi(),
              accountStore,
              clock,
              settings.sessionTimeout(),
              settings.maxSessionsPerUser());
      SecretBox secrets =
          Keyring.open(database.jdbi(), System.getenv(MasterKey.ENV_VARIABLE), settings.dataDir());
      VaultService vaults = new VaultService(database.jdbi(), secrets, clock);
      AuthRecordService authRecords =
          new AuthRecordService(database.jdbi(), secrets, vaults, clock);
      vaults.setUsage(authRecords);
      AssetServices assets = AssetServices.create(database.jdbi(), clock, Version.current());
      AssetScope scope = assetScope == null ? assets.scope() : assetScope;
      OptionProfileService profiles = new OptionProfileService(database.jdbi(), clock);
      scans =
          ScanService.start(
              database,
              profiles,
              scope,
              TargetPolicy.of(settings.scanAllow(), settings.scanDeny()),
              HostNames.fromDataDir(settings.dataDir()),
              clock);
      ApiResources.Builder resources = ApiResources.builder(AccessPolicy.standard());
      extraResources.accept(resources);
      ApiDispatcher dispatcher =
          resources.build(
              new ApiServices(
                  authenticator, sessions, accountStore, new ApiLimiter(clock), vaults,
                  authRecords, assets, scope, profiles, scans),
              clock,
              settings.baseUrl(),
              settings.tlsEnabled(),
              Version.current());

      PrometheusMeterRegistry metrics = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      new JvmMemoryMetrics().bindTo(metrics);
      new JvmGcMetrics().bindTo(metrics);
      new JvmThreadMetrics().bindTo(metrics);
      new ClassLoaderMetrics().bindTo(metrics);
      new ProcessorMetrics().bindTo(metrics);

      HttpServer http =
          new HttpServer(settings, dispatcher, metrics, database::isReachable, clock);
      int port = http.start();
      log.info("Vigil started: port={} baseUrl={}", port, settings.baseUrl());
      return new VigilServer(
          settings, database, http, scans, accounts, accountStore, authRecords, vaults, assets,
          port);
    } catch (RuntimeException e) {
      if (scans != null) {
        scans.close();
      }
      database.close();
      throw e;
    }
  }

  public int port() {
    return port;
  }

  public Settings settings() {
    return settings;
  }

  public AccountService accounts() {
    return accounts;
  }

  public AccountStore accountStore() {
    return accountStore;
  }

  public AuthRecordService authRecords() {
    return authRecords;
  }

  public VaultService vaults() {
    return vaults;
  }

  /** Returns the asset services, whose {@code scope()} the scan service reads. */
  public AssetServices assets() {
    return assets;
  }

  public Database database() {
    return database;
  }

  /**
   * Stops the listener (running calls finish first), then the scan scheduler (running scans
   * stop and continue on the next start), then closes the database. Calls after the first do
   * nothing.
   */
  @Override
  public void close() {
    if (!closing.compareAndSet(false, true)) {
      return;
    }
    log.info("Stopping Vigil");
    try {
      http.close();
    } finally {
      try {
        scans.close();
      } finally {
        database.close();
        log.info("Vigil stopped");
      }
    }
  }
}
