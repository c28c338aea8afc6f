package io.vigil.account;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import io.vigil.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks logins and passwords against the stored bcrypt hashes.
 *
 * <p>HTTP Basic sends the password on every call, and one bcrypt check costs a large fraction of a
 * second by design. After a successful check, the authenticator therefore remembers an HMAC of the
 * password (keyed with a random per-process key) together with the bcrypt hash it matched, for
 * {@link #CACHE_TTL}. A later call with the same password is accepted without bcrypt while the
 * stored hash is unchanged; a password change replaces the hash and so ends the shortcut at once.
 */
public final class Authenticator {
  private static final Logger log = LoggerFactory.getLogger(Authenticator.class);

  static final Duration CACHE_TTL = Duration.ofMinutes(5);

  private static final int MAX_CACHE_ENTRIES = 10_000;

  private final AccountStore store;
  private final PasswordHasher hasher;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final byte[] cacheKey = new byte[32];

  /** Hash of a random password, checked for unknown logins so they take as long as known ones. */
  private final String dummyHash;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(String passwordHash, byte[] passwordMac, Instant expiresAt) {}

  public Authenticator(
      AccountStore store, PasswordHasher hasher, LoginThrottle throttle, Clock clock) {
    this.store = store;
    this.hasher = hasher;
    this.throttle = throttle;
    this.clock = clock;
    new SecureRandom().nextBytes(cacheKey);
    this.dummyHash = hasher.hash(PasswordHasher.generate());
  }

  /**
   * Checks a login and password. After repeated failures from one address, attempts that come too
   * soon fail without a check; see {@link LoginThrottle}.
   */
  public AuthResult authenticate(String login, String password, String clientAddress) {
    Duration retryAfter = throttle.retryAfter(login, clientAddress);
    if (!retryAfter.isZero()) {
      return new AuthResult.Throttled(retryAfter);
    }
    var credentials = store.findCredentials(login);
    if (credentials.isEmpty()) {
      hasher.matches(password, dummyHash);
      throttle.recordFailure(login, clientAddress);
      log.info("Login failed: login={} address={} reason=unknown login", LogText.safe(login),
          clientAddress);
      return new AuthResult.BadCredentials();
    }
    AccountStore.Credentials stored = credentials.get();
    if (!passwordMatches(login, password, stored.passwordHash())) {
      throttle.recordFailure(login, clientAddress);
      log.info("Login failed: login={} address={} reason=wrong password", LogText.safe(login),
          clientAddress);
      return new AuthResult.BadCredentials();
    }
    throttle.recordSuccess(login, clientAddress);
    User user = stored.user();
    if (!user.isActive()) {
      log.info("Login rejected: login={} address={} reason=user inactive", LogText.safe(login),
          clientAddress);
      return new AuthResult.Inactive(user);
    }
    return new AuthResult.Authenticated(user);
  }

  private boolean passwordMatches(String login, String password, String storedHash) {
    Instant now = clock.instant();
    byte[] mac = mac(password);
    Verified cached = verified.get(login);
    if (cached != null
        && cached.expiresAt().isAfter(now)
        && cached.passwordHash().equals(storedHash)
        && MessageDigest.isEqual(cached.passwordMac(), mac)) {
      return true;
    }
    if (!hasher.matches(password, storedHash)) {
      return false;
    }
    if (verified.size() >= MAX_CACHE_ENTRIES) {
      verified.clear();
    }
    verified.put(login, new Verified(storedHash, mac, now.plus(CACHE_TTL)));
    return true;
  }

  private byte[] mac(String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
      return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException | InvalidKeyException e) {
      throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
    }
  }
}
