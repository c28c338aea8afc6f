package io.vigil.config;

import java.nio.file.Path;

/**
 * Where Vigil stores its data: a JDBC URL with credentials. Without a URL, an H2 database in a
 * file under the data directory is used.
 */
public record DatabaseSettings(String url, String user, String password) {

  /** Name of the H2 database file (without the .mv.db suffix) inside the data directory. */
  public static final String H2_FILE_NAME = "vigil";

  /** Returns the settings of the embedded H2 database kept in {@code dataDir}. */
  public static DatabaseSettings embeddedH2(Path dataDir) {
    Path file = dataDir.toAbsolutePath().resolve(H2_FILE_NAME);
    // AUTO_SERVER lets the command line (vigil user add ...) open the file while the server runs.
    String url = "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    return new DatabaseSettings(url, "vigil", "");
  }

  public boolean isPostgres() {
    return url.startsWith("jdbc:postgresql:");
  }

  /** Returns the URL with any password parameter masked, for logs. */
  public String maskedUrl() {
    return url.replaceAll("(?i)(password=)[^&;]*", "$1****");
  }
}
