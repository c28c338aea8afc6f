package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code vigil client add|list}, which needs a Consultant subscription. */
class ClientCommandTest {
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

  static void setType(String type) {
    assertThat(vigil.run("subscription", "set", "--type", type).exitCode()).isEqualTo(0);
  }

  @Test
  void addOnEnterpriseFailsClearly() {
    setType("Enterprise");

    CommandRunner.Result result = vigil.run("client", "add", "Acme Corp");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .startsWith("vigil: Subscription ")
        .contains("is an Enterprise subscription: clients exist only on Consultant subscriptions.")
        .endsWith("Change it with 'vigil subscription set --type Consultant'.\n");
    assertThat(result.err().lines()).hasSize(1);
    assertThat(result.out()).isEmpty();
  }

  @Test
  void addOnConsultantIsListed() {
    setType("Consultant");

    CommandRunner.Result added = vigil.run("client", "add", "Globex Inc");
    CommandRunner.Result list = vigil.run("client", "list");

    assertThat(added.exitCode()).isEqualTo(0);
    assertThat(added.out()).matches("Created client \\d+: Globex Inc\n");
    assertThat(list.exitCode()).isEqualTo(0);
    assertThat(list.outLines().get(0)).matches("ID +NAME");
    assertThat(list.outLines()).anySatisfy(line -> assertThat(line).matches("\\d+ +Globex Inc"));
  }

  @Test
  void duplicateClientNameFails() {
    setType("Consultant");
    vigil.run("client", "add", "Initech");

    CommandRunner.Result again = vigil.run("client", "add", "Initech");

    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).isEqualTo("vigil: Client already exists: Initech\n");
  }

  @Test
  void blankClientNameFails() {
    setType("Consultant");

    CommandRunner.Result result = vigil.run("client", "add", "   ");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err())
        .isEqualTo("vigil: Invalid client name: use 1 to 255 characters, not only spaces.\n");
  }
}
