package io.vigil.vault.client;

import io.vigil.VigilException;

/** Thrown when a WALLIX Bastion target name template cannot be resolved for a host. */
public final class TargetNameUnresolvedException extends VigilException {
  private final String template;
  private final String variable;
  private final String hostIp;

  TargetNameUnresolvedException(String template, String variable, String hostIp, String reason) {
    super("Target name " + template + " cannot be resolved for host " + hostIp + ": " + reason);
    this.template = template;
    this.variable = variable;
    this.hostIp = hostIp;
  }

  public String template() {
    return template;
  }

  /** Returns the variable name without {@code ${}}, or null when the template is malformed. */
  public String variable() {
    return variable;
  }

  public String hostIp() {
    return hostIp;
  }
}
