package io.vigil.secret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The 256-bit AES key that encrypts stored secrets. It lives outside the database: in the
 * environment variable {@value #ENV_VARIABLE} (base64), or in the file {@value #FILE_NAME} in the
 * data directory, created on first use with owner-only permissions.
 */
public final class MasterKey {
  public static final String ENV_VARIABLE = "VIGIL_MASTER_KEY";
  public static final String FILE_NAME = "master.key";
  static final int KEY_BYTES = 32;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private final byte[] key;
  private final String source;

  private MasterKey(byte[] key, String source) {
    if (key.length != KEY_BYTES) {
      throw new InvalidMasterKeyException(
          "Invalid master key from " + source + ": it must be " + KEY_BYTES
              + " bytes in base64, but it has " + key.length
              + ". Generate one with: head -c 32 /dev/urandom | base64");
    }
    this.key = key.clone();
    this.source = source;
  }

  /**
   * Loads the key from {@code envValue} when it is set, else from the key file in {@code dataDir}.
   *
   * @param createIfMissing whether to create a new key file when neither exists
   */
  public static MasterKey load(String envValue, Path dataDir, boolean createIfMissing) {
    if (envValue != null && !envValue.isBlank()) {
      return new MasterKey(decode(envValue.trim(), ENV_VARIABLE), ENV_VARIABLE);
    }
    Path file = dataDir.resolve(FILE_NAME);
    if (Files.exists(file)) {
      return fromFile(file);
    }
    if (!createIfMissing) {
      throw new InvalidMasterKeyException(
          "Missing master key: neither " + ENV_VARIABLE + " nor " + file + " exists.");
    }
    MasterKey created = generate(file.toString());
    created.writeTo(file);
    return created;
  }

  /** Generates a random key. */
  public static MasterKey generate(String source) {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    return new MasterKey(key, source);
  }

  public static MasterKey fromBase64(String base64, String source) {
    return new MasterKey(decode(base64, source), source);
  }

  /** Reads a key file written by {@link #writeTo}. */
  static MasterKey fromFile(Path file) {
    try {
      String text = Files.readString(file).trim();
      return new MasterKey(decode(text, file.toString()), file.toString());
    } catch (IOException e) {
      throw new InvalidMasterKeyException("Cannot read the master key file " + file + ": "
          + e.getMessage());
    }
  }

  private static byte[] decode(String base64, String source) {
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new InvalidMasterKeyException("Invalid master key from " + source + ": not base64.");
    }
  }

  /**
   * Writes the key to a file readable only by its owner, replacing any existing file atomically.
   */
  public void writeTo(Path file) {
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.deleteIfExists(temporary);
      try {
        Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
      } catch (UnsupportedOperationException e) {
        Files.createFile(temporary);
      } catch (FileAlreadyExistsException e) {
        throw new UncheckedIOException(e);
      }
      Files.writeString(temporary, toBase64() + "\n");
      try {
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE,
            StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the master key file " + file, e);
    }
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(key);
  }

  SecretKey secretKey() {
    return new SecretKeySpec(key, "AES");
  }

  /** Where the key came from, for messages: the variable name or the file path. */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return "MasterKey[" + source + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MasterKey that && Arrays.equals(key, that.key);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(key);
  }
}
