package io.vigil.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Storage of subscriptions, users and clients. */
public final class AccountStore {
  /** SQLSTATE of a unique constraint violation, the same on H2 and PostgreSQL. */
  private static final String UNIQUE_VIOLATION = "23505";

  private static final String USER_COLUMNS =
      "id, subscription_id, login, role, first_name, last_name, email, status, created_at,"
          + " manage_auth";

  private final Jdbi jdbi;
  private final Clock clock;

  public AccountStore(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Stored password hash of a user, for the authenticator only. */
  record Credentials(User user, String passwordHash, Instant passwordChangedAt) {}

  public long createSubscription(SubscriptionType type, String companyName, ApiLimits limits) {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate(
                    "INSERT INTO subscription (type, company_name, rate_limit_calls,"
                        + " rate_limit_window_sec, concurrency_limit, created_at)"
                        + " VALUES (:type, :company, :calls, :window, :concurrency, :now)")
                .bind("type", type.displayName())
                .bind("company", companyName)
                .bind("calls", limits.callsPerWindow())
                .bind("window", limits.windowSeconds())
                .bind("concurrency", limits.concurrentCalls())
                .bind("now", clock.instant())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  public Optional<Subscription> findSubscription(long id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM subscription WHERE id = :id")
                .bind("id", id)
                .map(AccountStore::mapSubscription)
                .findOne());
  }

  public List<Subscription> listSubscriptions() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT * FROM subscription ORDER BY id")
                .map(AccountStore::mapSubscription)
                .list());
  }

  public void updateSubscription(long id, SubscriptionType type, ApiLimits limits) {
    jdbi.useHandle(
        handle ->
            handle
                .createUpdate(
                    "UPDATE subscription SET type = :type, rate_limit_calls = :calls,"
                        + " rate_limit_window_sec = :window, concurrency_limit = :concurrency"
                        + " WHERE id = :id")
                .bind("id", id)
                .bind("type", type.displayName())
                .bind("calls", limits.callsPerWindow())
                .bind("window", limits.windowSeconds())
                .bind("concurrency", limits.concurrentCalls())
                .execute());
  }

  public User createUser(NewUser user, String passwordHash) {
    Instant now = clock.instant();
    try {
      long id =
          jdbi.withHandle(
              handle ->
                  handle
                      .createUpdate(
                          "INSERT INTO app_user (subscription_id, login, password_hash, role,"
                              + " first_name, last_name, email, status, created_at,"
                              + " password_changed_at) VALUES (:subscription, :login, :hash,"
                              + " :role, :first, :last, :email, :status, :now, :now)")
                      .bind("subscription", user.subscriptionId())
                      .bind("login", user.login())
                      .bind("hash", passwordHash)
                      .bind("role", user.role().displayName())
                      .bind("first", user.firstName())
                      .bind("last", user.lastName())
                      .bind("email", user.email())
                      .bind("status", UserStatus.ACTIVE.displayName())
                      .bind("now", now)
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one());
      return findUser(id).orElseThrow();
    } catch (UnableToExecuteStatementException e) {
      if (isUniqueViolation(e)) {
        throw new LoginTakenException(user.login());
      }
      throw e;
    }
  }

  public Optional<User> findUser(long id) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + USER_COLUMNS + " FROM app_user WHERE id = :id")
                .bind("id", id)
                .map(AccountStore::mapUser)
                .findOne());
  }

  public Optional<User> findUserByLogin(String login) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + USER_COLUMNS + " FROM app_user WHERE login = :login")
                .bind("login", login)
                .map(AccountStore::mapUser)
                .findOne());
  }

  Optional<Credentials> findCredentials(String login) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT "
                        + USER_COLUMNS
                        + ", password_hash, password_changed_at FROM app_user"
                        + " WHERE login = :login")
                .bind("login", login)
                .map(
                    (rs, ctx) ->
                        new Credentials(
                            mapUser(rs, ctx),
                            rs.getString("password_hash"),
                            instant(rs, "password_changed_at")))
                .findOne());
  }

  public List<User> listUsers() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery("SELECT " + USER_COLUMNS + " FROM app_user ORDER BY id")
                .map(AccountStore::mapUser)
                .list());
  }

  public long countUsers() {
    return jdbi.withHandle(
        handle -> handle.createQuery("SELECT COUNT(*) FROM app_user").mapTo(Long.class).one());
  }

  /**
   * Replaces the password hash and ends the user's API sessions, which were opened with the old
   * password; returns false when no user has the login.
   */
  public boolean updatePasswordHash(String login, String passwordHash) {
    return jdbi.inTransaction(
        handle -> {
          int updated =
              handle
                  .createUpdate(
                      "UPDATE app_user SET password_hash = :hash, password_changed_at = :now"
                          + " WHERE login = :login")
                  .bind("login", login)
                  .bind("hash", passwordHash)
                  .bind("now", clock.instant())
                  .execute();
          handle
              .createUpdate(
                  "DELETE FROM api_session WHERE user_id IN"
                      + " (SELECT id FROM app_user WHERE login = :login)")
              .bind("login", login)
              .execute();
          return updated > 0;
        });
  }

  /** Sets the status; returns false when no user has the login. */
  public boolean updateStatus(String login, UserStatus status) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("UPDATE app_user SET status = :status WHERE login = :login")
                    .bind("login", login)
                    .bind("status", status.displayName())
                    .execute())
        > 0;
  }

  /** Grants or revokes the permission to manage vaults and records; false for unknown logins. */
  public boolean updateManageAuth(String login, boolean allowed) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("UPDATE app_user SET manage_auth = :allowed WHERE login = :login")
                    .bind("login", login)
                    .bind("allowed", allowed)
                    .execute())
        > 0;
  }

  public Client createClient(long subscriptionId, String name) {
    try {
      long id =
          jdbi.withHandle(
              handle ->
                  handle
                      .createUpdate(
                          "INSERT INTO client (subscription_id, name, created_at)"
                              + " VALUES (:subscription, :name, :now)")
                      .bind("subscription", subscriptionId)
                      .bind("name", name)
                      .bind("now", clock.instant())
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one());
      return new Client(id, subscriptionId, name);
    } catch (UnableToExecuteStatementException e) {
      if (isUniqueViolation(e)) {
        throw new ClientNameTakenException(name);
      }
      throw e;
    }
  }

  public List<Client> listClients(long subscriptionId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, subscription_id, name FROM client"
                        + " WHERE subscription_id = :subscription ORDER BY id")
                .bind("subscription", subscriptionId)
                .map(AccountStore::mapClient)
                .list());
  }

  public Optional<Client> findClient(long subscriptionId, long clientId) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, subscription_id, name FROM client"
                        + " WHERE subscription_id = :subscription AND id = :id")
                .bind("subscription", subscriptionId)
                .bind("id", clientId)
                .map(AccountStore::mapClient)
                .findOne());
  }

  public Optional<Client> findClientByName(long subscriptionId, String name) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "SELECT id, subscription_id, name FROM client"
                        + " WHERE subscription_id = :subscription AND name = :name")
                .bind("subscription", subscriptionId)
                .bind("name", name)
                .map(AccountStore::mapClient)
                .findOne());
  }

  private static boolean isUniqueViolation(UnableToExecuteStatementException e) {
    return e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState());
  }

  private static Subscription mapSubscription(ResultSet rs, StatementContext ctx)
      throws SQLException {
    return new Subscription(
        rs.getLong("id"),
        SubscriptionType.fromDisplayName(rs.getString("type")),
        rs.getString("company_name"),
        new ApiLimits(
            rs.getInt("rate_limit_calls"),
            rs.getInt("rate_limit_window_sec"),
            rs.getInt("concurrency_limit")));
  }

  private static User mapUser(ResultSet rs, StatementContext ctx) throws SQLException {
    return new User(
        rs.getLong("id"),
        rs.getLong("subscription_id"),
        rs.getString("login"),
        Role.parse(rs.getString("role")).orElseThrow(),
        rs.getString("first_name"),
        rs.getString("last_name"),
        rs.getString("email"),
        UserStatus.fromDisplayName(rs.getString("status")),
        instant(rs, "created_at"),
        rs.getBoolean("manage_auth"));
  }

  private static Client mapClient(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Client(rs.getLong("id"), rs.getLong("subscription_id"), rs.getString("name"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, java.time.OffsetDateTime.class).toInstant();
  }
}
