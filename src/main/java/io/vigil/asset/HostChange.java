package io.vigil.asset;

/**
 * Changes to the attributes of IPs; every null field keeps the current value. A module flag only
 * turns a module on, because the API has no action that takes an IP out of a module.
 */
public record HostChange(
    boolean enableVm,
    boolean enablePc,
    TrackingMethod trackingMethod,
    String owner,
    String ud1,
    String ud2,
    String ud3,
    String comment) {

  /** Returns the attributes after this change. */
  public HostAttributes applyTo(HostAttributes current) {
    return new HostAttributes(
        current.vmEnabled() || enableVm,
        current.pcEnabled() || enablePc,
        trackingMethod == null ? current.trackingMethod() : trackingMethod,
        owner == null ? current.owner() : owner,
        ud1 == null ? current.ud1() : ud1,
        ud2 == null ? current.ud2() : ud2,
        ud3 == null ? current.ud3() : ud3,
        comment == null ? current.comment() : comment);
  }

  /** Returns the attributes of an IP added by this change: IP tracking and empty text fields. */
  public HostAttributes newHost() {
    return applyTo(new HostAttributes(false, false, TrackingMethod.IP, "", "", "", "", ""));
  }
}
