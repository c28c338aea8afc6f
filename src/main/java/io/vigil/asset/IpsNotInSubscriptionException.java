package io.vigil.asset;

import io.vigil.VigilException;
import io.vigil.net.IpRange;
import java.util.List;

/** Thrown when an action names IPs that the subscription does not contain. */
public final class IpsNotInSubscriptionException extends VigilException {
  private final String parameter;
  private final List<IpRange> missing;

  public IpsNotInSubscriptionException(String parameter, List<IpRange> missing) {
    super("IPs not in the subscription: " + IpSets.format(missing));
    this.parameter = parameter;
    this.missing = List.copyOf(missing);
  }

  /** Returns the API parameter that named the IPs. */
  public String parameter() {
    return parameter;
  }

  /** Returns the missing IPs, merged. */
  public List<IpRange> missing() {
    return missing;
  }
}
