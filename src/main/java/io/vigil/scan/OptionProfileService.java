package io.vigil.scan;

import io.vigil.scan.OptionProfile.AuthenticationType;
import io.vigil.scan.OptionProfile.TcpPortsType;
import io.vigil.scan.engine.InvalidScanOptionException;
import io.vigil.scan.engine.PortList;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** VM option profiles: the built-in "Initial Options" and each subscription's own. */
public final class OptionProfileService {
  /** Largest connect or read timeout of a profile: 10 minutes, in milliseconds. */
  static final int MAX_TIMEOUT_MS = 600_000;

  /** Largest time limit per host: one day, in minutes. */
  static final int MAX_HOST_MINUTES = 1_440;

  private static final Logger log = LoggerFactory.getLogger(OptionProfileService.class);

  private static final String COLUMNS =
      "id, subscription_id, title, is_default, tcp_ports_type, tcp_ports, discovery_tcp_ports,"
          + " discovery_icmp, scan_dead_hosts, hosts_in_parallel, probes_in_parallel,"
          + " connect_timeout_ms, read_timeout_ms, max_host_minutes, authentication, created_by,"
          + " updated_at";

  /** Condition selecting a subscription's profiles: the built-in one and its own. */
  private static final String VISIBLE = "(subscription_id IS NULL OR subscription_id = :sub)";

  private final Jdbi jdbi;
  private final Clock clock;

  public OptionProfileService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /**
   * Values of a new profile, as the API received them; null means the default.
   *
   * @param tcpPorts the custom port list, required with tcpPortsType CUSTOM only
   */
  public record NewProfile(
      String title,
      TcpPortsType tcpPortsType,
      String tcpPorts,
      String discoveryTcpPorts,
      Boolean discoveryIcmp,
      Boolean scanDeadHosts,
      Integer hostsInParallel,
      Integer probesInParallel,
      Integer connectTimeoutMs,
      Integer readTimeoutMs,
      Integer maxHostMinutes,
      String authentication) {}

  /** Returns the profiles a subscription may use, the built-in one first. */
  public List<OptionProfile> list(long subscriptionId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + COLUMNS + " FROM option_profile WHERE " + VISIBLE
                        + " ORDER BY id")
                .bind("sub", subscriptionId)
                .map((rs, ctx) -> map(rs))
                .list());
  }

  public Optional<OptionProfile> findById(long subscriptionId, long id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + COLUMNS + " FROM option_profile WHERE id = :id AND " + VISIBLE)
                .bind("id", id)
                .bind("sub", subscriptionId)
                .map((rs, ctx) -> map(rs))
                .findOne());
  }

  public Optional<OptionProfile> findByTitle(long subscriptionId, String title) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT " + COLUMNS + " FROM option_profile WHERE title = :title AND "
                        + VISIBLE)
                .bind("title", title)
                .bind("sub", subscriptionId)
                .map((rs, ctx) -> map(rs))
                .findFirst());
  }

  /**
   * Validates and stores a new profile of the subscription.
   *
   * @return the new profile's id
   * @throws InvalidScanParameterException naming the first invalid parameter
   */
  public long create(long subscriptionId, String login, NewProfile input) {
    OptionProfile profile = build(subscriptionId, login, input);
    if (findByTitle(subscriptionId, profile.title()).isPresent()) {
      throw new InvalidScanParameterException(
          "title", profile.title(), "an option profile with this title exists");
    }
    long id =
        jdbi.withHandle(
            handle ->
                handle
                    .createUpdate(
                        "INSERT INTO option_profile (subscription_id, title, is_default,"
                            + " tcp_ports_type, tcp_ports, discovery_tcp_ports, discovery_icmp,"
                            + " scan_dead_hosts, hosts_in_parallel, probes_in_parallel,"
                            + " connect_timeout_ms, read_timeout_ms, max_host_minutes,"
                            + " authentication, created_by, updated_at) VALUES (:sub, :title,"
                            + " FALSE, :type, :ports, :discovery, :icmp, :dead, :hosts, :probes,"
                            + " :connect, :read, :maxHost, :authentication, :login, :now)")
                    .bind("sub", subscriptionId)
                    .bind("title", profile.title())
                    .bind("type", profile.tcpPortsType().apiName())
                    .bind("ports", portsText(profile.tcpPorts()))
                    .bind("discovery", portsText(profile.discoveryTcpPorts()))
                    .bind("icmp", profile.discoveryIcmp())
                    .bind("dead", profile.scanDeadHosts())
                    .bind("hosts", profile.hostsInParallel())
                    .bind("probes", profile.probesInParallel())
                    .bind("connect", (int) profile.connectTimeout().toMillis())
                    .bind("read", (int) profile.readTimeout().toMillis())
                    .bind("maxHost", (int) profile.maxHostDuration().toMinutes())
                    .bind("authentication", profile.authenticationText())
                    .bind("login", login)
                    .bind("now", profile.updatedAt())
                    .executeAndReturnGeneratedKeys("id")
                    .mapTo(Long.class)
                    .one());
    log.info("Option profile created: id={} title={} by={}", id, profile.title(), login);
    return id;
  }

  private OptionProfile build(long subscriptionId, String login, NewProfile input) {
    String title = input.title() == null ? "" : input.title().strip();
    if (title.isEmpty() || title.length() > 255) {
      throw new InvalidScanParameterException("title", input.title(), "use 1 to 255 characters");
    }
    TcpPortsType type = input.tcpPortsType() == null ? TcpPortsType.STANDARD
        : input.tcpPortsType();
    PortList custom = null;
    if (type == TcpPortsType.CUSTOM) {
      if (input.tcpPorts() == null) {
        throw new InvalidScanParameterException(
            "tcp_ports", "", "tcp_ports_type=custom needs a port list such as 22,80,8000-8100");
      }
      custom = parsePorts("tcp_ports", input.tcpPorts());
    } else if (input.tcpPorts() != null) {
      throw new InvalidScanParameterException(
          "tcp_ports", input.tcpPorts(), "a port list needs tcp_ports_type=custom");
    }
    PortList discovery = input.discoveryTcpPorts() == null ? null
        : parsePorts("discovery_tcp_ports", input.discoveryTcpPorts());
    requireRange("connect_timeout_ms", input.connectTimeoutMs(), 1, MAX_TIMEOUT_MS);
    requireRange("read_timeout_ms", input.readTimeoutMs(), 1, MAX_TIMEOUT_MS);
    requireRange("max_host_minutes", input.maxHostMinutes(), 1, MAX_HOST_MINUTES);
    OptionProfile profile =
        new OptionProfile(
            0,
            subscriptionId,
            title,
            false,
            type,
            custom,
            discovery,
            orDefault(input.discoveryIcmp(), true),
            orDefault(input.scanDeadHosts(), false),
            orDefault(input.hostsInParallel(), 8),
            orDefault(input.probesInParallel(), 64),
            Duration.ofMillis(orDefault(input.connectTimeoutMs(), 2000)),
            Duration.ofMillis(orDefault(input.readTimeoutMs(), 3000)),
            Duration.ofMinutes(orDefault(input.maxHostMinutes(), 30)),
            parseAuthentication(input.authentication()),
            login,
            clock.instant());
    try {
      profile.toScanOptions();
    } catch (InvalidScanOptionException e) {
      throw new InvalidScanParameterException(
          parameterOf(e.option()), valueOf(profile, e.option()), e.getMessage());
    }
    return profile;
  }

  /** Parses "Windows,Unix" into types, in order and without repeats; null or "" gives none. */
  private static List<AuthenticationType> parseAuthentication(String text) {
    List<AuthenticationType> types = new java.util.ArrayList<>();
    if (text == null || text.isBlank()) {
      return types;
    }
    for (String name : text.split(",")) {
      AuthenticationType type = AuthenticationType.parse(name);
      if (type == null) {
        throw new InvalidScanParameterException(
            "authentication", text, "use a comma-separated list of Windows and Unix");
      }
      if (!types.contains(type)) {
        types.add(type);
      }
    }
    return types;
  }

  private static PortList parsePorts(String parameter, String text) {
    try {
      return PortList.parse(text);
    } catch (InvalidScanOptionException e) {
      throw new InvalidScanParameterException(parameter, text, e.getMessage());
    }
  }

  /** Checks an optional numeric parameter; null means the default, which is in range. */
  private static void requireRange(String parameter, Integer value, int min, int max) {
    if (value != null && (value < min || value > max)) {
      throw new InvalidScanParameterException(
          parameter, value.toString(), "must be " + min + " to " + max);
    }
  }

  /** Maps an engine option name to the API parameter that sets it. */
  private static String parameterOf(String option) {
    return switch (option) {
      case "maxConcurrentProbes" -> "probes_in_parallel";
      case "maxHostsInParallel" -> "hosts_in_parallel";
      case "connectTimeout" -> "connect_timeout_ms";
      case "readTimeout" -> "read_timeout_ms";
      case "maxHostDuration" -> "max_host_minutes";
      default -> option;
    };
  }

  private static String valueOf(OptionProfile profile, String option) {
    return switch (option) {
      case "maxConcurrentProbes" -> Integer.toString(profile.probesInParallel());
      case "maxHostsInParallel" -> Integer.toString(profile.hostsInParallel());
      case "connectTimeout" -> Long.toString(profile.connectTimeout().toMillis());
      case "readTimeout" -> Long.toString(profile.readTimeout().toMillis());
      case "maxHostDuration" -> Long.toString(profile.maxHostDuration().toMinutes());
      default -> "";
    };
  }

  private static <T> T orDefault(T value, T defaultValue) {
    return value == null ? defaultValue : value;
  }

  private static String portsText(PortList ports) {
    return ports == null ? "" : ports.toString();
  }

  private static OptionProfile map(ResultSet rs) throws SQLException {
    long subscription = rs.getLong("subscription_id");
    Long subscriptionId = rs.wasNull() ? null : subscription;
    String ports = rs.getString("tcp_ports");
    String discovery = rs.getString("discovery_tcp_ports");
    return new OptionProfile(
        rs.getLong("id"),
        subscriptionId,
        rs.getString("title"),
        rs.getBoolean("is_default"),
        TcpPortsType.parse(rs.getString("tcp_ports_type")),
        ports.isEmpty() ? null : PortList.parse(ports),
        discovery.isEmpty() ? null : PortList.parse(discovery),
        rs.getBoolean("discovery_icmp"),
        rs.getBoolean("scan_dead_hosts"),
        rs.getInt("hosts_in_parallel"),
        rs.getInt("probes_in_parallel"),
        Duration.ofMillis(rs.getInt("connect_timeout_ms")),
        Duration.ofMillis(rs.getInt("read_timeout_ms")),
        Duration.ofMinutes(rs.getInt("max_host_minutes")),
        parseAuthentication(rs.getString("authentication")),
        rs.getString("created_by"),
        rs.getObject("updated_at", OffsetDateTime.class).toInstant());
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
