package io.vigil.scan;

import io.vigil.asset.TrackingMethod;
import io.vigil.config.InvalidSettingsException;
import io.vigil.net.InvalidIpException;
import io.vigil.net.IpRange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The host names scans use: the DNS name of an address (reverse), the addresses of a name
 * (forward) and the NetBIOS name of an address. They come from a file in hosts format, so that
 * an operator or a test controls every answer: Vigil sends no DNS or NetBIOS query of its own.
 *
 * <p>Each line is an IPv4 address, its DNS name, optional aliases, and optionally
 * {@code netbios=NAME}; {@code #} starts a comment. IPv6 lines are skipped, so a copy of
 * /etc/hosts works. For example:
 *
 * <pre>
 * 10.20.31.112  win81-x86.prod.qualys.com  win81  netbios=WIN81-X86
 * </pre>
 *
 * <p>NOTE: without the file no name resolves, so fqdn targets and hosts tracked by DNS or
 * NetBIOS end up unresolved.
 */
public final class HostNames {
  /** Name of the file in the data directory that the server reads at start-up. */
  public static final String FILE_NAME = "hosts";

  private static final Logger log = LoggerFactory.getLogger(HostNames.class);

  private static final HostNames NONE = new HostNames(Map.of(), Map.of(), Map.of());

  private final Map<Long, String> dnsByAddress;
  private final Map<String, List<Long>> addressesByName;
  private final Map<Long, String> netbiosByAddress;

  private HostNames(
      Map<Long, String> dnsByAddress,
      Map<String, List<Long>> addressesByName,
      Map<Long, String> netbiosByAddress) {
    this.dnsByAddress = dnsByAddress;
    this.addressesByName = addressesByName;
    this.netbiosByAddress = netbiosByAddress;
  }

  public static HostNames none() {
    return NONE;
  }

  /**
   * Reads {@value #FILE_NAME} from the data directory, or returns {@link #none()} without it.
   *
   * @throws InvalidSettingsException when a line has an address that is neither IPv4 nor IPv6
   */
  public static HostNames fromDataDir(Path dataDir) {
    Path file = dataDir.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      log.info("No host names file at {}: fqdn targets and hosts tracked by DNS or NetBIOS will"
          + " be unresolved", file);
      return NONE;
    }
    HostNames names = parse(read(file), file.toString());
    log.info("Host names loaded: file={} addresses={} names={} netbiosNames={}", file,
        names.dnsByAddress.size(), names.addressesByName.size(), names.netbiosByAddress.size());
    return names;
  }

  static HostNames parse(List<String> lines, String source) {
    Map<Long, String> dns = new HashMap<>();
    Map<String, List<Long>> addresses = new HashMap<>();
    Map<Long, String> netbios = new HashMap<>();
    int number = 0;
    int ipv6Lines = 0;
    for (String line : lines) {
      number++;
      int hash = line.indexOf('#');
      String[] fields = (hash >= 0 ? line.substring(0, hash) : line).trim().split("\\s+");
      if (fields.length < 2) {
        continue;
      }
      if (fields[0].contains(":")) {
        // Scans target IPv4 addresses only, so IPv6 lines such as "::1 localhost" have no use.
        ipv6Lines++;
        continue;
      }
      long address;
      try {
        address = IpRange.toNumber(fields[0]);
      } catch (InvalidIpException e) {
        throw new InvalidSettingsException("Invalid host names file " + source + ", line "
            + number + ": " + e.getMessage() + ". Fix or remove the line.");
      }
      for (int i = 1; i < fields.length; i++) {
        String field = fields[i];
        if (field.toLowerCase(Locale.ROOT).startsWith("netbios=")) {
          // Kept as written: the scan summary lists NetBIOS names the way the file spells them.
          netbios.put(address, field.substring("netbios=".length()));
          continue;
        }
        String name = normalize(field);
        dns.putIfAbsent(address, name);
        List<Long> known = addresses.computeIfAbsent(name, key -> new ArrayList<>());
        if (!known.contains(address)) {
          known.add(address);
        }
      }
    }
    if (ipv6Lines > 0) {
      log.info("Host names file {}: skipped {} IPv6 lines, because scans target IPv4 only",
          source, ipv6Lines);
    }
    return new HostNames(dns, addresses, netbios);
  }

  /** Returns a DNS name in lower case, without the trailing dot of an absolute name. */
  private static String normalize(String name) {
    String lower = name.trim().toLowerCase(Locale.ROOT);
    return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
  }

  /** Returns the DNS name of an address (the first name on its line). */
  public Optional<String> dnsName(long address) {
    return Optional.ofNullable(dnsByAddress.get(address));
  }

  /**
   * Returns the addresses of a DNS name, ignoring case and a trailing dot; empty when it does not
   * resolve.
   */
  public List<Long> addresses(String name) {
    return addressesByName.getOrDefault(normalize(name), List.of());
  }

  public Optional<String> netbiosName(long address) {
    return Optional.ofNullable(netbiosByAddress.get(address));
  }

  /**
   * Returns the name that lists a host tracked by {@code tracking}: none for IP tracking, the
   * DNS name for DNS tracking. For NetBIOS tracking it is the NetBIOS name, or else the first
   * label of the DNS name, which is the computer name that Windows registers under both.
   */
  public Optional<String> listedName(long address, TrackingMethod tracking) {
    return switch (tracking) {
      case IP -> Optional.empty();
      case DNS -> dnsName(address);
      case NETBIOS -> netbiosName(address).or(() -> dnsName(address).map(HostNames::firstLabel));
    };
  }

  private static String firstLabel(String dnsName) {
    int dot = dnsName.indexOf('.');
    return dot > 0 ? dnsName.substring(0, dot) : dnsName;
  }

  private static List<String> read(Path file) {
    try {
      return Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read host names from " + file, e);
    }
  }
}
