package io.vigil.db;

import java.util.Locale;

/** The database products Vigil runs on; chosen from the JDBC connection at start-up. */
public enum Dialect {
  H2,
  POSTGRESQL;

  /** Returns the dialect for a JDBC product name such as "H2" or "PostgreSQL". */
  static Dialect fromProductName(String productName) {
    String name = productName.toLowerCase(Locale.ROOT);
    if (name.contains("postgres")) {
      return POSTGRESQL;
    }
    if (name.contains("h2")) {
      return H2;
    }
    throw new DatabaseUnavailableException(
        "Unsupported database " + productName + ": Vigil runs on H2 and PostgreSQL.", null);
  }
}
