package io.vigil.vault;

/**
 * A type-specific setting of a vault, named as the API parameter that sets it.
 *
 * @param name API parameter and key in the stored settings
 * @param element element of the view output, or null when the view does not show it
 * @param secret whether the value is sealed at rest and never returned
 * @param requiredOnCreate whether create fails without it
 */
public record VaultField(String name, String element, boolean secret, boolean requiredOnCreate) {

  static VaultField required(String name, String element) {
    return new VaultField(name, element, false, true);
  }

  static VaultField optional(String name, String element) {
    return new VaultField(name, element, false, false);
  }

  static VaultField requiredSecret(String name) {
    return new VaultField(name, null, true, true);
  }

  static VaultField optionalSecret(String name) {
    return new VaultField(name, null, true, false);
  }

  public boolean isFlag() {
    return name.endsWith("ssl_verify");
  }
}
