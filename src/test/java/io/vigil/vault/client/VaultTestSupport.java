package io.vigil.vault.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Settings and checks shared by the vault client tests. */
final class VaultTestSupport {
  private VaultTestSupport() {}

  /** Returns settings with 3 attempts and millisecond backoff, so retry tests stay fast. */
  static VaultClientSettings fastSettings() {
    return new VaultClientSettings(
        Duration.ofSeconds(5),
        Duration.ofSeconds(5),
        3,
        Duration.ofMillis(5),
        Duration.ofMillis(20));
  }

  /** Returns settings with a 300 ms request timeout and 2 attempts, for stubs that sleep longer. */
  static VaultClientSettings shortTimeoutSettings() {
    return new VaultClientSettings(
        Duration.ofSeconds(5),
        Duration.ofMillis(300),
        2,
        Duration.ofMillis(5),
        Duration.ofMillis(20));
  }

  /**
   * Asserts that none of {@code secrets} appears in the messages and string forms of {@code thrown}
   * and its causes, nor in any captured log line.
   */
  static void assertNoSecrets(Throwable thrown, LogCapture logs, String... secrets) {
    List<String> texts = new ArrayList<>(logs.lines());
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      texts.add(String.valueOf(t.getMessage()));
      texts.add(t.toString());
      for (Throwable suppressed : t.getSuppressed()) {
        texts.add(suppressed.toString());
      }
    }
    for (String secret : secrets) {
      for (String text : texts) {
        assertThat(text).doesNotContain(secret);
      }
    }
  }

  static void assertNoSecrets(LogCapture logs, String... secrets) {
    assertNoSecrets(null, logs, secrets);
  }
}
