package io.vigil.http;

import io.vigil.account.AccountStore;
import io.vigil.account.User;
import io.vigil.asset.TrackingMethod;
import io.vigil.net.InvalidIpException;
import io.vigil.net.IpRange;
import io.vigil.wire.ApiException;
import io.vigil.wire.XmlOutput;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.LongPredicate;

/** Parsing and output shared by the asset resources: IP lists, id lists, text limits. */
final class AssetParameters {
  static final List<String> TRACKING_METHODS = List.of("IP", "DNS", "NETBIOS");

  private AssetParameters() {}

  /**
   * Parses a list of IPs and ranges such as "10.0.0.1,10.0.0.5-10.0.0.9".
   *
   * @throws ApiException with code 1905 naming the first invalid item
   */
  static List<IpRange> ips(String name, String value) {
    try {
      return IpRange.parseList(value);
    } catch (InvalidIpException e) {
      throw ApiException.invalidValue(name, e.value(), e.reason());
    }
  }

  /** Parses an optional IP list parameter. */
  static Optional<List<IpRange>> ips(ApiRequest request, String name) {
    return request.string(name).map(value -> ips(name, value));
  }

  static Optional<TrackingMethod> trackingMethod(ApiRequest request, String name) {
    return request.oneOf(name, TRACKING_METHODS).map(TrackingMethod::valueOf);
  }

  /** Reads a text parameter of at most {@code maxLength} characters; absent gives null. */
  static String text(ApiRequest request, String name, int maxLength) {
    String value = request.string(name).orElse(null);
    if (value != null && value.length() > maxLength) {
      throw ApiException.invalidValue(
          name, value, "longer than " + maxLength + " characters; use at most " + maxLength);
    }
    return value;
  }

  /**
   * Accepts network_id=0, the Global Default Network, which contains every IP, because Vigil has
   * no custom networks yet.
   */
  static void requireDefaultNetwork(ApiRequest request, String name) {
    String value = request.string(name).orElse(null);
    if (value != null && !value.trim().equals("0")) {
      throw ApiException.invalidValue(
          name, value, "no network has this id; only 0, the Global Default Network, exists");
    }
  }

  /** Checks that an owner is the login of a user of the caller's subscription. */
  static String owner(ApiRequest request, String name, AccountStore accounts) {
    String login = text(request, name, 64);
    if (login == null || login.isEmpty()) {
      return login;
    }
    long subscription = request.subscription().id();
    Optional<User> user =
        accounts.findUserByLogin(login).filter(found -> found.subscriptionId() == subscription);
    if (user.isEmpty()) {
      throw ApiException.invalidValue(name, login, "no user of this subscription has this login");
    }
    return user.get().login();
  }

  /**
   * Parses ids and id ranges such as "12,20-25" into a test for one id.
   *
   * @throws ApiException with code 1905 for an item that is neither
   */
  static LongPredicate ids(String name, String value) {
    List<long[]> ranges = new ArrayList<>();
    for (String item : value.split(",")) {
      String trimmed = item.trim();
      if (trimmed.isEmpty()) {
        continue;
      }
      int dash = trimmed.indexOf('-');
      try {
        long first = Long.parseLong(dash < 0 ? trimmed : trimmed.substring(0, dash).trim());
        long last = dash < 0 ? first : Long.parseLong(trimmed.substring(dash + 1).trim());
        if (first > 0 && first <= last) {
          ranges.add(new long[] {first, last});
          continue;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw ApiException.invalidValue(
          name, value, "neither a positive integer nor a range: " + trimmed);
    }
    return id -> ranges.stream().anyMatch(range -> id >= range[0] && id <= range[1]);
  }

  /** Writes an IP_SET of IP and IP_RANGE elements, or nothing when {@code ranges} is empty. */
  static void ipSet(XmlOutput xml, List<IpRange> ranges) {
    if (ranges.isEmpty()) {
      return;
    }
    xml.start("IP_SET");
    for (IpRange range : IpRange.merge(ranges)) {
      xml.element(range.size() == 1 ? "IP" : "IP_RANGE", range.toString());
    }
    xml.end();
  }
}
