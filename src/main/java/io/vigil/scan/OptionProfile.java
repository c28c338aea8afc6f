package io.vigil.scan;

import io.vigil.scan.engine.PortList;
import io.vigil.scan.engine.ScanOptions;
import java.time.Duration;
import java.time.Instant;

/**
 * A VM option profile: what a scan probes on each host and how fast. The fields follow the
 * sections of Qualys' option profile XML (SCAN/PORTS/TCP_PORTS, SCAN_DEAD_HOSTS,
 * HOST_DISCOVERY, PERFORMANCE), so that an export or import can map them one to one.
 *
 * @param subscriptionId the owning subscription, or null for the built-in "Initial Options"
 * @param tcpPorts the custom TCP port list, set only when {@code tcpPortsType} is CUSTOM
 * @param discoveryTcpPorts the host discovery ports, or null for the engine's default list
 * @param discoveryIcmp whether host discovery also tries an ICMP echo (or TCP port 7)
 * @param hostsInParallel how many hosts a scan scans at once
 * @param probesInParallel how many TCP connects one host scan has in flight
 * @param authentication the authentication record types scans use, in the order given
 * @param createdBy login of the creator, or null for the built-in profile
 */
public record OptionProfile(
    long id,
    Long subscriptionId,
    String title,
    boolean isDefault,
    TcpPortsType tcpPortsType,
    PortList tcpPorts,
    PortList discoveryTcpPorts,
    boolean discoveryIcmp,
    boolean scanDeadHosts,
    int hostsInParallel,
    int probesInParallel,
    Duration connectTimeout,
    Duration readTimeout,
    Duration maxHostDuration,
    java.util.List<AuthenticationType> authentication,
    String createdBy,
    Instant updatedAt) {

  public OptionProfile {
    authentication = java.util.List.copyOf(authentication);
  }

  /** Title of the built-in profile that every subscription has. */
  public static final String INITIAL_OPTIONS = "Initial Options";

  /** The TCP port sets a profile can scan, by their Qualys TCP_PORTS_TYPE names. */
  public enum TcpPortsType {
    STANDARD("standard"),
    FULL("full"),
    CUSTOM("custom");

    private final String apiName;

    TcpPortsType(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }

    /** Returns the type named {@code text}, ignoring case, or null. */
    public static TcpPortsType parse(String text) {
      for (TcpPortsType type : values()) {
        if (type.apiName.equalsIgnoreCase(text.trim())) {
          return type;
        }
      }
      return null;
    }
  }

  /**
   * Authentication record types a profile can use, by the names of Qualys' option profile XML.
   *
   * <p>NOTE: the engine does not log in to hosts yet, so this setting is stored and listed but
   * does not change a scan.
   */
  public enum AuthenticationType {
    WINDOWS("Windows"),
    UNIX("Unix");

    private final String apiName;

    AuthenticationType(String apiName) {
      this.apiName = apiName;
    }

    public String apiName() {
      return apiName;
    }

    /** Returns the type named {@code text}, ignoring case, or null. */
    public static AuthenticationType parse(String text) {
      for (AuthenticationType type : values()) {
        if (type.apiName.equalsIgnoreCase(text.trim())) {
          return type;
        }
      }
      return null;
    }
  }

  /** Returns the authentication types as the API writes them: "Windows,Unix", or "". */
  public String authenticationText() {
    return String.join(",", authentication.stream().map(AuthenticationType::apiName).toList());
  }

  /** Returns the TCP ports a scan with this profile probes. */
  public PortList effectiveTcpPorts() {
    return switch (tcpPortsType) {
      case STANDARD -> PortList.standard();
      case FULL -> PortList.full();
      case CUSTOM -> tcpPorts;
    };
  }

  /**
   * Returns the engine options of this profile.
   *
   * @throws io.vigil.scan.engine.InvalidScanOptionException when the values do not fit the
   *     engine's limits
   */
  public ScanOptions toScanOptions() {
    ScanOptions.Builder builder =
        ScanOptions.builder()
            .tcpPorts(effectiveTcpPorts())
            .icmpEcho(discoveryIcmp)
            .scanDeadHosts(scanDeadHosts)
            .maxHostsInParallel(hostsInParallel)
            .maxConcurrentProbes(probesInParallel)
            .connectTimeout(connectTimeout)
            .readTimeout(readTimeout)
            .maxHostDuration(maxHostDuration);
    if (discoveryTcpPorts != null) {
      builder.discoveryPorts(discoveryTcpPorts);
    }
    return builder.build();
  }
}
