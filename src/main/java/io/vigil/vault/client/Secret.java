package io.vigil.vault.client;

import java.util.Arrays;

/**
 * A password, API key or token held as characters, so that it can be wiped once used. {@link
 * #toString()} never shows the value.
 *
 * <p>Wiping clears this object's copy only: a secret built from a {@code String}, or sent in an
 * HTTP header, also lives in strings that stay in memory until the garbage collector reclaims them.
 */
public final class Secret implements AutoCloseable {
  private final char[] value;
  private boolean wiped;

  private Secret(char[] value) {
    this.value = value;
  }

  /** Returns a secret holding a copy of {@code chars}; the caller may wipe its array afterwards. */
  public static Secret copyOf(char[] chars) {
    return new Secret(chars.clone());
  }

  /** Returns a secret holding the characters of {@code value}, such as a stored setting. */
  public static Secret of(String value) {
    return new Secret(value.toCharArray());
  }

  /** Returns a secret that takes ownership of {@code chars} without copying them. */
  static Secret adopt(char[] chars) {
    return new Secret(chars);
  }

  /**
   * Returns a copy of the characters, which the caller should wipe after use.
   *
   * @throws IllegalStateException when the secret was wiped
   */
  public synchronized char[] chars() {
    return view().clone();
  }

  /** Returns the characters themselves, for code of this package that wipes nothing it reads. */
  synchronized char[] view() {
    if (wiped) {
      throw new IllegalStateException("Secret was wiped and can no longer be read");
    }
    return value;
  }

  public synchronized boolean isEmpty() {
    return view().length == 0;
  }

  public synchronized boolean isWiped() {
    return wiped;
  }

  /** Overwrites the characters with zeros. Reading the secret afterwards fails. */
  public synchronized void wipe() {
    Arrays.fill(value, '\0');
    wiped = true;
  }

  /** Wipes the secret, so that try-with-resources can bound its life. */
  @Override
  public void close() {
    wipe();
  }

  @Override
  public synchronized String toString() {
    return wiped ? "Secret[wiped]" : "Secret[****]";
  }
}
