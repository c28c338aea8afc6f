package io.vigil.account;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates and changes subscriptions, users and clients, with their input rules. */
public final class AccountService {
  private static final Logger log = LoggerFactory.getLogger(AccountService.class);

  /** Letters, digits, '_', '-', '.' and '@', starting with a letter or digit. */
  private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");

  public static final String ADMIN_LOGIN = "admin";

  private final AccountStore store;
  private final PasswordHasher hasher;

  public AccountService(AccountStore store, PasswordHasher hasher) {
    this.store = store;
    this.hasher = hasher;
  }

  /** The first Manager created on an empty database, with the password given to it. */
  public record Bootstrap(User admin, String password, boolean passwordGenerated) {}

  /**
   * On an empty database, creates the subscription and the Manager {@value #ADMIN_LOGIN}. The
   * password is {@code adminPassword}, or a generated one when that is null.
   *
   * @return the new admin, or empty when the database already has users
   */
  public synchronized Optional<Bootstrap> bootstrap(String adminPassword) {
    if (store.countUsers() > 0) {
      return Optional.empty();
    }
    boolean generated = adminPassword == null;
    String password = generated ? PasswordHasher.generate() : adminPassword;
    long subscriptionId =
        store.listSubscriptions().stream()
            .findFirst()
            .map(Subscription::id)
            .orElseGet(
                () ->
                    store.createSubscription(
                        SubscriptionType.ENTERPRISE, "Vigil", ApiLimits.SELF_HOSTED));
    User admin =
        store.createUser(
            new NewUser(subscriptionId, ADMIN_LOGIN, Role.MANAGER, "Vigil", "Administrator", ""),
            hasher.hash(password));
    log.info("Created subscription and first Manager: subscription={} login={}", subscriptionId,
        admin.login());
    return Optional.of(new Bootstrap(admin, password, generated));
  }

  /** Returns the subscription new users join: the first one. */
  public Subscription defaultSubscription() {
    return store.listSubscriptions().stream()
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "The database has no subscription yet: start the server once or run"
                        + " 'vigil db migrate'."));
  }

  public User addUser(NewUser user, String password) {
    if (!LOGIN.matcher(user.login()).matches()) {
      throw new InvalidAccountValueException(
          "Invalid login '"
              + user.login()
              + "': use 1 to 64 letters, digits, '_', '-', '.' or '@', starting with a letter or"
              + " digit.");
    }
    User created = store.createUser(user, hasher.hash(password));
    log.info("Created user: login={} role={} id={}", created.login(), created.role().displayName(),
        created.id());
    return created;
  }

  public void changePassword(String login, String password) {
    if (!store.updatePasswordHash(login, hasher.hash(password))) {
      throw new UserNotFoundException(login);
    }
    log.info("Changed password: login={}", login);
  }

  public void setStatus(String login, UserStatus status) {
    if (!store.updateStatus(login, status)) {
      throw new UserNotFoundException(login);
    }
    log.info("Changed user status: login={} status={}", login, status.displayName());
  }

  /**
   * Lets a Unit Manager create, change and delete vaults and authentication records, or stops it.
   * Managers may always; the other roles never may.
   */
  public void setManageAuth(String login, boolean allowed) {
    if (!store.updateManageAuth(login, allowed)) {
      throw new UserNotFoundException(login);
    }
    log.info("Changed permission: login={} manageAuth={}", login, allowed);
  }

  public List<User> listUsers() {
    return store.listUsers();
  }

  public Client addClient(long subscriptionId, String name) {
    String trimmed = name.trim();
    if (trimmed.isEmpty() || trimmed.length() > 255) {
      throw new InvalidAccountValueException(
          "Invalid client name: use 1 to 255 characters, not only spaces.");
    }
    Subscription subscription =
        store
            .findSubscription(subscriptionId)
            .orElseThrow(() -> new IllegalStateException("No subscription " + subscriptionId));
    if (!subscription.isConsultant()) {
      throw new InvalidAccountValueException(
          "Subscription "
              + subscriptionId
              + " is an Enterprise subscription: clients exist only on Consultant subscriptions."
              + " Change it with 'vigil subscription set --type Consultant'.");
    }
    Client client = store.createClient(subscriptionId, trimmed);
    log.info("Created client: subscription={} id={} name={}", subscriptionId, client.id(),
        client.name());
    return client;
  }

  public List<Client> listClients(long subscriptionId) {
    return store.listClients(subscriptionId);
  }

  public void updateSubscription(long subscriptionId, SubscriptionType type, ApiLimits limits) {
    store.updateSubscription(subscriptionId, type, limits);
    log.info(
        "Changed subscription: id={} type={} calls={} windowSec={} concurrency={}",
        subscriptionId,
        type.displayName(),
        limits.callsPerWindow(),
        limits.windowSeconds(),
        limits.concurrentCalls());
  }
}
