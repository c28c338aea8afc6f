package io.vigil.authrecord;

/**
 * The technology an authentication record logs in to. Each has its own API path, list output and
 * set of records: one host resolves to at most one record per technology.
 */
public enum Technology {
  WINDOWS("windows", "Windows"),
  UNIX("unix", "Unix");

  private final String pathName;
  private final String displayName;

  Technology(String pathName, String displayName) {
    this.pathName = pathName;
    this.displayName = displayName;
  }

  /** Returns the name in the API path, such as "windows" in /api/2.0/fo/auth/windows/. */
  public String pathName() {
    return pathName;
  }

  /** Returns the name for messages, such as "Windows". */
  public String displayName() {
    return displayName;
  }
}
