package io.vigil.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vigil.db.Database;
import io.vigil.testing.MutableClock;
import io.vigil.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Accounts on the database of the run: H2 by default, PostgreSQL on the PostgreSQL run. */
class AccountStoreTest {
  final MutableClock clock = MutableClock.at("2026-02-01T00:00:00Z");
  TestDatabase testDatabase;
  Database database;
  AccountStore store;
  AccountService service;
  Authenticator authenticator;

  @BeforeEach
  void open() {
    testDatabase = TestDatabase.create();
    database = Database.open(testDatabase.settings(), "test", 2);
    store = new AccountStore(database.jdbi(), clock);
    PasswordHasher hasher = new PasswordHasher(4);
    service = new AccountService(store, hasher);
    authenticator = new Authenticator(store, hasher, new LoginThrottle(clock), clock);
  }

  @AfterEach
  void close() {
    database.close();
    testDatabase.close();
  }

  @Test
  void bootstrapCreatesAdminOnce() {
    var first = service.bootstrap("first-admin-password");
    var second = service.bootstrap("second-admin-password");

    assertThat(first).isPresent();
    assertThat(first.get().admin().role()).isEqualTo(Role.MANAGER);
    assertThat(first.get().passwordGenerated()).isFalse();
    assertThat(second).isEmpty();
    assertThat(store.listSubscriptions()).hasSize(1);
  }

  @Test
  void generatedAdminPasswordWorks() {
    String password = service.bootstrap(null).orElseThrow().password();

    assertThat(password).hasSize(20);
    assertThat(authenticator.authenticate("admin", password, "127.0.0.1"))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void duplicateLoginIsRejected() {
    service.bootstrap("first-admin-password");
    long subscription = service.defaultSubscription().id();
    NewUser user = new NewUser(subscription, "jdoe", Role.SCANNER, "J", "Doe", "j@example.com");
    service.addUser(user, "a-long-password");

    assertThatThrownBy(() -> service.addUser(user, "a-long-password"))
        .isInstanceOf(LoginTakenException.class)
        .hasMessage("Login already exists: jdoe");
  }

  @Test
  void passwordIsStoredAsBcryptHash() {
    service.bootstrap("first-admin-password");

    String hash =
        database
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery("SELECT password_hash FROM app_user WHERE login = 'admin'")
                        .mapTo(String.class)
                        .one());

    assertThat(hash).startsWith("$2a$").doesNotContain("first-admin-password");
  }

  @Test
  void changedPasswordReplacesOldOne() {
    service.bootstrap("first-admin-password");
    authenticator.authenticate("admin", "first-admin-password", "127.0.0.1");

    service.changePassword("admin", "second-admin-password");

    assertThat(authenticator.authenticate("admin", "first-admin-password", "127.0.0.1"))
        .isInstanceOf(AuthResult.BadCredentials.class);
    assertThat(authenticator.authenticate("admin", "second-admin-password", "127.0.0.1"))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void disabledUserIsInactive() {
    service.bootstrap("first-admin-password");
    service.setStatus("admin", UserStatus.INACTIVE);

    assertThat(authenticator.authenticate("admin", "first-admin-password", "127.0.0.1"))
        .isInstanceOf(AuthResult.Inactive.class);
  }

  @Test
  void shortPasswordIsRejected() {
    service.bootstrap("first-admin-password");

    assertThatThrownBy(() -> service.changePassword("admin", "short"))
        .isInstanceOf(WeakPasswordException.class)
        .hasMessageContaining("at least 12");
  }

  @Test
  void clientsNeedConsultantSubscription() {
    service.bootstrap("first-admin-password");
    Subscription subscription = service.defaultSubscription();

    assertThatThrownBy(() -> service.addClient(subscription.id(), "Acme"))
        .isInstanceOf(InvalidAccountValueException.class)
        .hasMessageContaining("Consultant");

    service.updateSubscription(subscription.id(), SubscriptionType.CONSULTANT, ApiLimits.STANDARD);
    Client acme = service.addClient(subscription.id(), "Acme");

    assertThat(store.findClientByName(subscription.id(), "Acme")).contains(acme);
    assertThat(service.defaultSubscription().limits()).isEqualTo(ApiLimits.STANDARD);
    assertThatThrownBy(() -> service.addClient(subscription.id(), "Acme"))
        .isInstanceOf(ClientNameTakenException.class);
  }
}
