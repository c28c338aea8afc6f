package io.vigil.authrecord;

import java.util.Optional;

/**
 * Source of a record's password: stored in Vigil (basic) or fetched from a vault at scan time.
 */
public enum LoginType {
  BASIC("basic"),
  VAULT("vault");

  private final String apiName;

  LoginType(String apiName) {
    this.apiName = apiName;
  }

  /** Returns the value of the {@code login_type} parameter and of the LOGIN_TYPE element. */
  public String apiName() {
    return apiName;
  }

  /** Parses a {@code login_type} value; the match is exact, as the values are lower case. */
  public static Optional<LoginType> parse(String text) {
    for (LoginType type : values()) {
      if (type.apiName.equals(text)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
