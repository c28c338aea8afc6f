package io.vigil.account;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** Hashes and checks passwords with bcrypt. */
public final class PasswordHasher {
  /** bcrypt ignores input past 72 bytes, so longer passwords are rejected when set. */
  public static final int MAX_PASSWORD_BYTES = 72;

  public static final int MIN_PASSWORD_LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int logRounds;

  /**
   * @param logRounds bcrypt cost factor; each step doubles the work (12 takes about 0.2 s on one
   *     core of a 2020s server CPU, an estimate)
   */
  public PasswordHasher(int logRounds) {
    this.logRounds = logRounds;
  }

  public String hash(String password) {
    checkStrength(password);
    return BCrypt.hashpw(password, BCrypt.gensalt(logRounds, RANDOM));
  }

  public boolean matches(String password, String hash) {
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      return false;
    }
    return BCrypt.checkpw(password, hash);
  }

  /** Throws {@link WeakPasswordException} when a new password is too short or too long. */
  public static void checkStrength(String password) {
    if (password.length() < MIN_PASSWORD_LENGTH) {
      throw new WeakPasswordException(
          "Password is too short: use at least " + MIN_PASSWORD_LENGTH + " characters.");
    }
    if (password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
      throw new WeakPasswordException(
          "Password is too long: use at most " + MAX_PASSWORD_BYTES + " bytes in UTF-8.");
    }
  }

  /** Generates a random password of 20 letters and digits. */
  public static String generate() {
    String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < 20; i++) {
      password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return password.toString();
  }
}
