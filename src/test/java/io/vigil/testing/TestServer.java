package io.vigil.testing;

import io.vigil.VigilServer;
import io.vigil.account.NewUser;
import io.vigil.account.Role;
import io.vigil.account.User;
import io.vigil.asset.AssetScope;
import io.vigil.config.Settings;
import io.vigil.http.ApiResources;
import io.vigil.net.IpRange;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A real Vigil server on a free loopback port over a fresh test database, with the Manager
 * {@code admin} whose password is {@link #ADMIN_PASSWORD}.
 */
public final class TestServer implements AutoCloseable {
  /** Base URL the server calls itself; it is never contacted, DTDs are resolved locally. */
  public static final String BASE_URL = "https://qualysapi.vigil.test";

  public static final String ADMIN_PASSWORD = "admin-password-for-tests";

  /** Password of every user created with {@link #addUser}. */
  public static final String USER_PASSWORD = "user-password-for-tests";

  private final TestDatabase database;
  private final boolean ownsDatabase;
  private final VigilServer server;

  private TestServer(TestDatabase database, boolean ownsDatabase, VigilServer server) {
    this.database = database;
    this.ownsDatabase = ownsDatabase;
    this.server = server;
  }

  public static TestServer start() {
    return builder().start();
  }

  public static Builder builder() {
    return new Builder();
  }

  public VigilServer server() {
    return server;
  }

  /** Returns the server's loopback address, with https:// when it was started with TLS. */
  public URI uri() {
    String scheme = server.settings().tlsEnabled() ? "https" : "http";
    return URI.create(scheme + "://127.0.0.1:" + server.port());
  }

  /** Returns a client with X-Requested-With and no credentials. */
  public ApiClient anonymous() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("X-Requested-With", "vigil-tests");
    return new ApiClient(uri(), BASE_URL, headers);
  }

  /** Returns a client that authenticates as admin with HTTP Basic. */
  public ApiClient admin() {
    return anonymous().withBasic("admin", ADMIN_PASSWORD);
  }

  /** Returns a client that authenticates with HTTP Basic as a user from {@link #addUser}. */
  public ApiClient as(String login) {
    return anonymous().withBasic(login, USER_PASSWORD);
  }

  public User addUser(String login, Role role) {
    long subscription = server.accounts().defaultSubscription().id();
    return server
        .accounts()
        .addUser(new NewUser(subscription, login, role, "Test", "User", ""), USER_PASSWORD);
  }

  /** Stops the server; the database is dropped unless the test passed its own. */
  @Override
  public void close() {
    try {
      server.close();
    } finally {
      if (ownsDatabase) {
        database.close();
      }
    }
  }

  /** Options of a test server. */
  public static final class Builder {
    private Clock clock = Clock.systemUTC();
    private Duration sessionTimeout = Settings.DEFAULT_SESSION_TIMEOUT;
    private int maxSessionsPerUser = Settings.DEFAULT_MAX_SESSIONS_PER_USER;
    private Consumer<ApiResources.Builder> resources = builder -> {};
    private Settings.TlsSettings tls;
    /** Scope that scans read; null uses the assets stored through the API. */
    private AssetScope assetScope;
    private String hostNames;
    private TestDatabase database;
    private List<IpRange> scanAllow = List.of();
    private List<IpRange> scanDeny = List.of();

    public Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    public Builder sessionTimeout(Duration timeout) {
      this.sessionTimeout = timeout;
      return this;
    }

    public Builder maxSessionsPerUser(int max) {
      this.maxSessionsPerUser = max;
      return this;
    }

    /** Adds API resources, such as test-only endpoints. */
    public Builder resources(Consumer<ApiResources.Builder> resources) {
      this.resources = resources;
      return this;
    }

    /**
     * Serves HTTPS with this keystore in place of plain HTTP. {@link ApiClient} does not trust
     * test certificates, so a TLS test brings its own HTTP client.
     */
    public Builder tls(Settings.TlsSettings tls) {
      this.tls = tls;
      return this;
    }

    /** Sets the asset scope that scans read: scannable IPs, exclusions and asset groups. */
    public Builder assetScope(AssetScope scope) {
      this.assetScope = scope;
      return this;
    }

    /**
     * Lets scans probe these networks besides loopback, like the {@code --scan-allow} setting.
     */
    public Builder scanAllow(List<IpRange> ranges) {
      this.scanAllow = List.copyOf(ranges);
      return this;
    }

    /** Keeps scans from probing these networks, like the {@code --scan-deny} setting. */
    public Builder scanDeny(List<IpRange> ranges) {
      this.scanDeny = List.copyOf(ranges);
      return this;
    }

    /**
     * Runs the server on this database instead of a fresh one, so a test can start a second
     * server on the first one's data. The test closes the database itself.
     */
    public Builder database(TestDatabase database) {
      this.database = database;
      return this;
    }

    /** Writes the host names file that scans resolve names with, in hosts format. */
    public Builder hostNames(String hostsFile) {
      this.hostNames = hostsFile;
      return this;
    }

    public TestServer start() {
      boolean ownsDatabase = this.database == null;
      TestDatabase database = ownsDatabase ? TestDatabase.create() : this.database;
      try {
        if (hostNames != null) {
          java.nio.file.Files.writeString(
              database.dataDir().resolve(io.vigil.scan.HostNames.FILE_NAME), hostNames);
        }
        Settings settings =
            new Settings(
                "127.0.0.1",
                0,
                database.dataDir(),
                database.settings(),
                BASE_URL,
                tls,
                sessionTimeout,
                maxSessionsPerUser,
                ADMIN_PASSWORD)
            .withScanAllow(scanAllow)
            .withScanDeny(scanDeny);
        VigilServer server =
            VigilServer.start(settings, clock, bootstrap -> {}, resources, assetScope);
        return new TestServer(database, ownsDatabase, server);
      } catch (java.io.IOException e) {
        if (ownsDatabase) {
          database.close();
        }
        throw new java.io.UncheckedIOException(e);
      } catch (RuntimeException e) {
        if (ownsDatabase) {
          database.close();
        }
        throw e;
      }
    }
  }
}
