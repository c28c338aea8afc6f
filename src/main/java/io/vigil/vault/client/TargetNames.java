package io.vigil.vault.client;

import java.util.Locale;

/**
 * Resolves the variables of a WALLIX Bastion target name, so that one authentication record can
 * match several targets that follow a naming convention, such as
 * {@code qualys_scan@local@${ip_dash}_${dnshost}}.
 *
 * <p>The variables, with the values they take for host 10.20.30.40 named host.domain:
 * <ul>
 *   <li>{@code ${ip}}: the IP address, {@code 10.20.30.40};
 *   <li>{@code ${ip_dash}}: the IP address with each dot replaced by a dash, {@code 10-20-30-40};
 *   <li>{@code ${dnshost}}: the DNS host name, {@code host.domain};
 *   <li>{@code ${host}}: the DNS host name up to its first dot, {@code host};
 *   <li>{@code ${nbhost}}: Windows hosts only, the NetBIOS name in upper case, {@code HOST_ABC}.
 * </ul>
 *
 * <p>A variable without a value for the host (no DNS name, no NetBIOS name, {@code ${nbhost}} on
 * a non-Windows host) fails the resolution rather than producing a target name that would match
 * the wrong account or none. So does an unknown variable or an unclosed {@code ${}. Variable
 * names are lower case, as Qualys documents them. Text outside variables is kept as written.
 */
public final class TargetNames {
  private TargetNames() {}

  /**
   * Returns {@code template} with each variable replaced by its value for {@code host}.
   *
   * @throws TargetNameUnresolvedException naming the variable and the host when a variable is
   *     unknown or has no value for the host
   */
  public static String resolve(String template, HostIdentity host) {
    StringBuilder resolved = new StringBuilder(template.length() + 32);
    int position = 0;
    while (position < template.length()) {
      int start = template.indexOf("${", position);
      if (start < 0) {
        resolved.append(template, position, template.length());
        break;
      }
      int end = template.indexOf('}', start + 2);
      if (end < 0) {
        throw new TargetNameUnresolvedException(
            template, null, host.ip(), "the ${ at position " + start + " is not closed by }");
      }
      resolved.append(template, position, start);
      resolved.append(valueOf(template, template.substring(start + 2, end), host));
      position = end + 1;
    }
    return resolved.toString();
  }

  private static String valueOf(String template, String variable, HostIdentity host) {
    switch (variable) {
      case "ip":
        return host.ip();
      case "ip_dash":
        return host.ip().replace('.', '-');
      case "dnshost":
        return require(template, variable, host, host.dnsHostname(), "it has no DNS host name");
      case "host":
        String dnsName =
            require(template, variable, host, host.dnsHostname(), "it has no DNS host name");
        int dot = dnsName.indexOf('.');
        return dot < 0 ? dnsName : dnsName.substring(0, dot);
      case "nbhost":
        if (!host.windows()) {
          throw new TargetNameUnresolvedException(
              template, variable, host.ip(), "${nbhost} is defined for Windows hosts only");
        }
        String netbios =
            require(template, variable, host, host.netbiosName(), "it has no NetBIOS name");
        return netbios.toUpperCase(Locale.ROOT);
      default:
        throw new TargetNameUnresolvedException(
            template,
            variable,
            host.ip(),
            "unknown variable ${" + variable + "}; use ip, ip_dash, dnshost, host or nbhost");
    }
  }

  private static String require(
      String template, String variable, HostIdentity host, String value, String missing) {
    if (value == null || value.isBlank()) {
      throw new TargetNameUnresolvedException(
          template, variable, host.ip(), "${" + variable + "} has no value because " + missing);
    }
    return value;
  }
}
