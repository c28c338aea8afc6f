package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code vigil subscription show|set}: the subscription type and its API limits. */
class SubscriptionCommandTest {
  static TestDatabase database;
  static CommandRunner vigil;

  @BeforeAll
  static void migrate() {
    database = TestDatabase.create();
    vigil = new CommandRunner(database);
    assertThat(vigil.run("db", "migrate").exitCode()).isEqualTo(0);
  }

  @AfterAll
  static void dropDatabase() {
    database.close();
  }

  @BeforeEach
  void resetToDefault() {
    CommandRunner.Result reset =
        vigil.run("subscription", "set", "--type", "Enterprise", "--tier", "SELF_HOSTED");
    assertThat(reset.exitCode()).isEqualTo(0);
  }

  @Test
  void showPrintsDefaultLimits() {
    CommandRunner.Result result = vigil.run("subscription", "show");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.outLines())
        .containsExactly(
            result.outLines().get(0),
            "  type:              Enterprise",
            "  rate limit:        10000 calls per 3600 s",
            "  concurrency limit: 10");
    assertThat(result.outLines().get(0)).matches("Subscription \\d+: Vigil");
  }

  @Test
  void standardTierSetsQualysLimits() {
    CommandRunner.Result result = vigil.run("subscription", "set", "--tier", "STANDARD");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out()).contains("  rate limit:        300 calls per 3600 s\n");
    assertThat(result.out()).contains("  concurrency limit: 2\n");
    assertThat(result.out()).endsWith("Running servers read the new limits at the next call.\n");
    assertThat(vigil.run("subscription", "show").out())
        .contains("300 calls per 3600 s")
        .contains("concurrency limit: 2");
  }

  @Test
  void singleLimitOverridesTier() {
    CommandRunner.Result result =
        vigil.run("subscription", "set", "--tier", "EXPRESS", "--rate-limit", "75");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out()).contains("  rate limit:        75 calls per 86400 s\n");
    assertThat(result.out()).contains("  concurrency limit: 1\n");
  }

  @Test
  void typeIsCaseInsensitive() {
    CommandRunner.Result result = vigil.run("subscription", "set", "--type", "consultant");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out()).contains("  type:              Consultant\n");
  }

  @Test
  void invalidTypeFailsWithOneLine() {
    CommandRunner.Result result = vigil.run("subscription", "set", "--type", "Express");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("vigil: Invalid type 'Express': use Enterprise or Consultant.\n");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void zeroLimitFailsWithOneLine() {
    CommandRunner.Result result = vigil.run("subscription", "set", "--concurrency-limit", "0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("vigil: API limits must be positive: calls=10000 window=3600s concurrency=0\n");
  }

  @Test
  void unknownTierIsUsageError() {
    CommandRunner.Result result = vigil.run("subscription", "set", "--tier", "GOLD");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("GOLD").contains("STANDARD");
  }
}
