package io.vigil.secret;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the {@link SecretBox} of a database: loads the master key and proves it is the one the
 * stored secrets were sealed with, and rotates it.
 *
 * <p>The database keeps one sealed check value. A key that cannot open it stops Vigil at start-up
 * with a clear message. Rotation writes the new key to {@value #NEXT_KEY_FILE} first, re-seals
 * every secret and the check value in one transaction, then renames the file to the key file; a
 * crash between the two steps is repaired at the next start, which tries the pending key when the
 * current one no longer matches.
 */
public final class Keyring {
  private static final Logger log = LoggerFactory.getLogger(Keyring.class);

  static final String NEXT_KEY_FILE = MasterKey.FILE_NAME + ".next";
  private static final String CHECK_PURPOSE = "key.check";
  private static final String CHECK_PLAINTEXT = "vigil master key check";

  private Keyring() {}

  /**
   * Loads the master key for this database and returns the box that seals with it.
   *
   * @param envValue value of VIGIL_MASTER_KEY, or null
   * @throws InvalidMasterKeyException when the key is missing or does not match the database
   */
  public static SecretBox open(Jdbi jdbi, String envValue, Path dataDir) {
    Optional<String> check = readCheck(jdbi);
    MasterKey key = MasterKey.load(envValue, dataDir, check.isEmpty());
    SecretBox box = new SecretBox(key);
    if (check.isEmpty()) {
      jdbi.useHandle(handle -> writeCheck(handle, box, true));
      log.info("Master key registered: source={}", key.source());
      return box;
    }
    if (matches(box, check.get())) {
      return box;
    }
    Path pending = dataDir.resolve(NEXT_KEY_FILE);
    if (envValue == null && Files.exists(pending)) {
      SecretBox next = new SecretBox(MasterKey.fromFile(pending));
      if (matches(next, check.get())) {
        next.key().writeTo(dataDir.resolve(MasterKey.FILE_NAME));
        deleteQuietly(pending);
        log.warn("Finished an interrupted key rotation: the pending key is now the master key");
        return new SecretBox(MasterKey.load(null, dataDir, false));
      }
    }
    throw new InvalidMasterKeyException(
        "The master key from "
            + key.source()
            + " does not match the key the stored secrets were encrypted with. Restore the"
            + " original " + MasterKey.FILE_NAME + " in the data directory, or set "
            + MasterKey.ENV_VARIABLE + " to the original key.");
  }

  /**
   * Re-seals every stored secret with a new key and returns the box of the new key. With a key
   * file, the file is replaced; with {@value MasterKey#ENV_VARIABLE}, the caller must show the new
   * key to the operator, who sets the variable before the next start.
   *
   * @return the number of values re-sealed and the new box
   */
  public static Rotation rotate(Jdbi jdbi, SecretBox current, Path dataDir, boolean keyFromEnv) {
    MasterKey newKey = MasterKey.generate(keyFromEnv ? MasterKey.ENV_VARIABLE
        : dataDir.resolve(MasterKey.FILE_NAME).toString());
    SecretBox next = new SecretBox(newKey);
    Path pending = dataDir.resolve(NEXT_KEY_FILE);
    if (!keyFromEnv) {
      newKey.writeTo(pending);
    }
    int resealed =
        jdbi.inTransaction(
            handle -> {
              int count = 0;
              for (SealedColumn column : SealedColumn.ALL) {
                count += reseal(handle, column, current, next);
              }
              writeCheck(handle, next, false);
              return count;
            });
    if (!keyFromEnv) {
      newKey.writeTo(dataDir.resolve(MasterKey.FILE_NAME));
      deleteQuietly(pending);
    }
    log.info("Master key rotated: resealedValues={} source={}", resealed, newKey.source());
    return new Rotation(resealed, next);
  }

  /** Outcome of a key rotation. */
  public record Rotation(int resealedValues, SecretBox box) {}

  private static int reseal(Handle handle, SealedColumn column, SecretBox from, SecretBox to) {
    record Row(long id, String sealed) {}
    List<Row> rows =
        handle
            .createQuery(
                "SELECT " + column.idColumn() + " AS id, " + column.column() + " AS sealed FROM "
                    + column.table() + " WHERE " + column.column() + " IS NOT NULL")
            .map((rs, ctx) -> new Row(rs.getLong("id"), rs.getString("sealed")))
            .list();
    for (Row row : rows) {
      String plaintext = from.open(row.sealed(), column.purpose());
      handle
          .createUpdate(
              "UPDATE " + column.table() + " SET " + column.column() + " = :sealed WHERE "
                  + column.idColumn() + " = :id")
          .bind("sealed", to.seal(plaintext, column.purpose()))
          .bind("id", row.id())
          .execute();
    }
    return rows.size();
  }

  private static Optional<String> readCheck(Jdbi jdbi) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT check_value FROM master_key_check WHERE id = 1")
                .mapTo(String.class)
                .findOne());
  }

  private static void writeCheck(Handle handle, SecretBox box, boolean insert) {
    String sql =
        insert
            ? "INSERT INTO master_key_check (id, check_value) VALUES (1, :value)"
            : "UPDATE master_key_check SET check_value = :value WHERE id = 1";
    handle.createUpdate(sql).bind("value", box.seal(CHECK_PLAINTEXT, CHECK_PURPOSE)).execute();
  }

  private static boolean matches(SecretBox box, String check) {
    try {
      return CHECK_PLAINTEXT.equals(box.open(check, CHECK_PURPOSE));
    } catch (InvalidMasterKeyException e) {
      return false;
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (java.io.IOException e) {
      log.warn("Cannot delete {}: {}", file, e.getMessage());
    }
  }
}
