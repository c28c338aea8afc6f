package io.vigil.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory: it holds the H2 database, whose lock file names the local port and key of
 * H2's server, and the master key, so only its owner may enter it.
 */
public final class DataDirectory {
  private static final Logger log = LoggerFactory.getLogger(DataDirectory.class);

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rwx------");

  private DataDirectory() {}

  /**
   * Creates the directory with owner-only permissions, or restricts an existing one to its owner.
   *
   * @throws InvalidSettingsException when the path is a file or cannot be created
   */
  public static Path prepare(Path dataDir) {
    if (Files.exists(dataDir) && !Files.isDirectory(dataDir)) {
      throw new InvalidSettingsException(
          "Invalid data directory " + dataDir + ": it exists and is not a directory.");
    }
    try {
      if (!Files.exists(dataDir)) {
        Files.createDirectories(dataDir);
      }
      Set<PosixFilePermission> current = Files.getPosixFilePermissions(dataDir);
      if (!current.equals(OWNER_ONLY)) {
        Files.setPosixFilePermissions(dataDir, OWNER_ONLY);
        log.warn("Restricted data directory to its owner: dir={} was={}", dataDir,
            PosixFilePermissions.toString(current));
      }
    } catch (UnsupportedOperationException e) {
      log.warn("Cannot restrict data directory permissions on this file system: dir={}", dataDir);
    } catch (IOException e) {
      throw new InvalidSettingsException(
          "Cannot create data directory " + dataDir + ": " + e.getClass().getSimpleName() + " "
              + e.getMessage());
    }
    return dataDir;
  }

  /** Returns whether the embedded H2 database file exists in the directory. */
  public static boolean hasEmbeddedDatabase(Path dataDir) {
    return Files.exists(dataDir.resolve(DatabaseSettings.H2_FILE_NAME + ".mv.db"));
  }
}
