package io.vigil.session;

import io.vigil.account.AccountStore;
import io.vigil.account.User;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * API sessions started by {@code action=login}: a random 32-hex-digit token sent back as the
 * QualysSession cookie. The database keeps only the token's SHA-256, so a copy of the database
 * cannot be used to take over a session. A session expires after a configurable time without use.
 */
public final class SessionService {
  private static final Logger log = LoggerFactory.getLogger(SessionService.class);

  private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");

  /** The last-use time is written at most this often per session, to spare the database. */
  private static final Duration TOUCH_INTERVAL = Duration.ofSeconds(30);

  private final Jdbi jdbi;
  private final AccountStore accounts;
  private final Clock clock;
  private final Duration timeout;
  private final int maxPerUser;
  private final SecureRandom random = new SecureRandom();

  public SessionService(
      Jdbi jdbi, AccountStore accounts, Clock clock, Duration timeout, int maxPerUser) {
    this.jdbi = jdbi;
    this.accounts = accounts;
    this.clock = clock;
    this.timeout = timeout;
    this.maxPerUser = maxPerUser;
  }

  /**
   * Starts a session for an authenticated user and returns its token.
   *
   * @throws TooManySessionsException when the user already holds the maximum of open sessions
   */
  public String start(User user) {
    Instant now = clock.instant();
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    String token = HexFormat.of().formatHex(bytes);
    jdbi.useTransaction(
        handle -> {
          // Locking the user row serialises concurrent logins of one user, so they cannot all
          // pass the count below.
          handle
              .createQuery("SELECT id FROM app_user WHERE id = :user FOR UPDATE")
              .bind("user", user.id())
              .mapTo(Long.class)
              .one();
          handle
              .createUpdate("DELETE FROM api_session WHERE user_id = :user AND last_used_at < :cutoff")
              .bind("user", user.id())
              .bind("cutoff", now.minus(timeout))
              .execute();
          int open =
              handle
                  .createQuery("SELECT COUNT(*) FROM api_session WHERE user_id = :user")
                  .bind("user", user.id())
                  .mapTo(Integer.class)
                  .one();
          if (open >= maxPerUser) {
            throw new TooManySessionsException(user.login(), maxPerUser);
          }
          handle
              .createUpdate(
                  "INSERT INTO api_session (token_hash, user_id, created_at, last_used_at)"
                      + " VALUES (:hash, :user, :now, :now)")
              .bind("hash", hash(token))
              .bind("user", user.id())
              .bind("now", now)
              .execute();
        });
    log.info("Session started: login={} userId={}", user.login(), user.id());
    return token;
  }

  /** Returns the user of a live session and records its use; empty when unknown or expired. */
  public Optional<User> resolve(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return Optional.empty();
    }
    String hash = hash(token);
    Instant now = clock.instant();
    record Row(long userId, Instant lastUsed) {}
    Optional<Row> row =
        jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "SELECT user_id, last_used_at FROM api_session WHERE token_hash = :hash")
                    .bind("hash", hash)
                    .map(
                        (rs, ctx) ->
                            new Row(
                                rs.getLong("user_id"),
                                rs.getObject("last_used_at", java.time.OffsetDateTime.class)
                                    .toInstant()))
                    .findOne());
    if (row.isEmpty()) {
      return Optional.empty();
    }
    if (row.get().lastUsed().plus(timeout).isBefore(now)) {
      delete(hash);
      log.info("Session expired: userId={}", row.get().userId());
      return Optional.empty();
    }
    if (row.get().lastUsed().plus(TOUCH_INTERVAL).isBefore(now)) {
      jdbi.useHandle(
          handle ->
              handle
                  .createUpdate("UPDATE api_session SET last_used_at = :now WHERE token_hash = :hash")
                  .bind("now", now)
                  .bind("hash", hash)
                  .execute());
    }
    return accounts.findUser(row.get().userId());
  }

  /** Ends a session; returns false when the token matched no session. */
  public boolean end(String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      return false;
    }
    return delete(hash(token));
  }

  /** Deletes every expired session; returns how many. */
  public int purgeExpired() {
    return jdbi.withHandle(
        handle ->
            handle
                .createUpdate("DELETE FROM api_session WHERE last_used_at < :cutoff")
                .bind("cutoff", clock.instant().minus(timeout))
                .execute());
  }

  private boolean delete(String hash) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("DELETE FROM api_session WHERE token_hash = :hash")
                    .bind("hash", hash)
                    .execute())
        > 0;
  }

  private static String hash(String token) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JVM", e);
    }
  }
}
