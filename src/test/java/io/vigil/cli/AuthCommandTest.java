package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthCommandTest {
  TestDatabase database;
  CommandRunner vigil;

  @BeforeEach
  void create() {
    database = TestDatabase.create();
    vigil = new CommandRunner(database);
    vigil.run("db", "migrate");
  }

  @AfterEach
  void drop() {
    database.close();
  }

  @Test
  void unknownRecordGivesOneLine() {
    CommandRunner.Result result = vigil.run("auth", "resolve", "--record", "99", "--host",
        "10.0.0.1");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("vigil: No Windows or Unix authentication record has id 99.\n");
  }

  @Test
  void invalidHostGivesOneLine() {
    CommandRunner.Result result = vigil.run("auth", "resolve", "--record", "1", "--host",
        "10.0.0");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("vigil: ");
    assertThat(result.err().lines().count()).isEqualTo(1);
  }
}
