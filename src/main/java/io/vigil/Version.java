package io.vigil;

/** The version of this build, from the jar manifest. */
public final class Version {
  private Version() {}

  /** Returns the version, or "dev" when running from classes outside a jar. */
  public static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
