package com.creditscoring.auth.control;

import com.creditscoring.auth.entity.RefreshToken;
import com.creditscoring.auth.entity.User;
import com.creditscoring.ops.control.Settings;
import com.creditscoring.problems.Problem;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.storage.control.Database;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in and staying signed in: checks passwords with a lockout against guessing, issues RS256
 * access tokens and rotating refresh tokens, and revokes a token family when a rotated refresh
 * token is used again (it can only have been copied).
 */
@ApplicationScoped
public class Sessions {

  public static final String ISSUER = "credit-scoring";

  @Inject Database database;
  @Inject Passwords passwords;
  @Inject SigningKeys signingKeys;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "access.token.expire.minutes", defaultValue = "30")
  String accessTokenMinutes;

  @Inject
  @ConfigProperty(name = "refresh.token.expire.days", defaultValue = "7")
  String refreshTokenDays;

  /** Wrong passwords within the window that lock an account. */
  @Inject
  @ConfigProperty(name = "login.lockout.failures", defaultValue = "5")
  String lockoutFailures;

  /** Both the window in which failures count and how long the lock lasts. */
  @Inject
  @ConfigProperty(name = "login.lockout.minutes", defaultValue = "15")
  String lockoutMinutes;

  private Duration accessLifetime;
  private Duration refreshLifetime;
  private int maxFailures;
  private Duration lockout;
  private final SecureRandom random = new SecureRandom();
  private volatile String decoyHash;

  /** What a successful sign-in or refresh answers, in the seed's shape. */
  public record TokenPair(String accessToken, String refreshToken, long expiresIn) {}

  private enum Outcome {
    SIGNED_IN, WRONG_PASSWORD, LOCKED, INACTIVE, UNKNOWN_TOKEN, REUSED_TOKEN, ENDED_SIGN_IN, DEACTIVATED_SIGN_IN, EXPIRED_TOKEN
  }

  private record Attempt(Outcome outcome, TokenPair tokens, Instant lockedUntil) {
    static Attempt of(Outcome outcome) {
      return new Attempt(outcome, null, null);
    }
  }

  @PostConstruct
  void readSettings() {
    accessLifetime = Duration.ofMinutes(Settings.positiveInt("ACCESS_TOKEN_EXPIRE_MINUTES", accessTokenMinutes));
    refreshLifetime = Duration.ofDays(Settings.positiveInt("REFRESH_TOKEN_EXPIRE_DAYS", refreshTokenDays));
    maxFailures = Settings.positiveInt("LOGIN_LOCKOUT_FAILURES", lockoutFailures);
    lockout = Duration.ofMinutes(Settings.positiveInt("LOGIN_LOCKOUT_MINUTES", lockoutMinutes));
  }

  public Duration accessTokenLifetime() {
    return accessLifetime;
  }

  public TokenPair login(String username, String password) {
    Instant now = clock.instant();
    Optional<User> found = database.inTransaction(em -> findUser(em, username));
    if (found.isEmpty()) {
      // Same work as for a real account, so timing does not tell which usernames exist.
      passwords.matches(password, decoyHash());
      throw badCredentials();
    }
    if (found.get().isLockedAt(now)) {
      throw locked(found.get().lockedUntil(), now);
    }
    // The slow hash runs outside the transaction so it holds no row lock.
    boolean passwordMatches = passwords.matches(password, found.get().passwordHash());
    Attempt attempt =
        database.inTransaction(
            em -> {
              User user = em.find(User.class, found.get().id(), LockModeType.PESSIMISTIC_WRITE);
              if (user.isLockedAt(now)) {
                return new Attempt(Outcome.LOCKED, null, user.lockedUntil());
              }
              if (!passwordMatches) {
                user.recordFailedLogin(now, maxFailures, lockout, lockout);
                return user.isLockedAt(now)
                    ? new Attempt(Outcome.LOCKED, null, user.lockedUntil())
                    : Attempt.of(Outcome.WRONG_PASSWORD);
              }
              if (!user.isActive()) {
                return Attempt.of(Outcome.INACTIVE);
              }
              user.recordSuccessfulLogin(now);
              return new Attempt(
                  Outcome.SIGNED_IN, issue(em, user, UUID.randomUUID().toString(), now), null);
            });
    return answer(attempt, now);
  }

  public TokenPair refresh(String refreshToken) {
    Instant now = clock.instant();
    Attempt attempt =
        database.inTransaction(
            em -> {
              Optional<RefreshToken> found = findToken(em, refreshToken);
              if (found.isEmpty()) {
                return Attempt.of(Outcome.UNKNOWN_TOKEN);
              }
              RefreshToken token = found.get();
              if (token.isRevoked()) {
                revokeFamily(em, token.familyId(), now);
                return Attempt.of(whyRevoked(em, token));
              }
              if (token.isExpiredAt(now)) {
                return Attempt.of(Outcome.EXPIRED_TOKEN);
              }
              int rotated =
                  em.createNamedQuery(RefreshToken.REVOKE_IF_ACTIVE)
                      .setParameter("now", now)
                      .setParameter("id", token.id())
                      .executeUpdate();
              if (rotated == 0) {
                // A concurrent refresh with the same token won the race: one of them is a copy.
                revokeFamily(em, token.familyId(), now);
                return Attempt.of(Outcome.REUSED_TOKEN);
              }
              User user = token.user();
              if (!user.isActive()) {
                revokeFamily(em, token.familyId(), now);
                return Attempt.of(Outcome.INACTIVE);
              }
              return new Attempt(Outcome.SIGNED_IN, issue(em, user, token.familyId(), now), null);
            });
    return answer(attempt, now);
  }

  /**
   * Why a revoked token was revoked, so the client is told what happened: a token that was
   * rotated has a successor issued at its revocation, and using it again means a copy is in use;
   * one without was revoked with its whole sign-in (logout, deactivation, or a copy of an earlier
   * token of the family in use).
   */
  private static Outcome whyRevoked(EntityManager em, RefreshToken token) {
    if (!token.user().isActive()) {
      return Outcome.DEACTIVATED_SIGN_IN;
    }
    long successors =
        em.createNamedQuery(RefreshToken.SUCCESSORS, Long.class)
            .setParameter("family", token.familyId())
            .setParameter("id", token.id())
            .setParameter("revokedAt", token.revokedAt())
            .getSingleResult();
    return successors > 0 ? Outcome.REUSED_TOKEN : Outcome.ENDED_SIGN_IN;
  }

  /** Ends the sign-in the refresh token belongs to; unknown tokens are ignored (already out). */
  public void logout(String refreshToken) {
    Instant now = clock.instant();
    database.inTransaction(
        em -> {
          findToken(em, refreshToken).ifPresent(t -> revokeFamily(em, t.familyId(), now));
          return null;
        });
  }

  /** Signs a user out everywhere, e.g. when an administrator deactivates the account. */
  public void revokeAll(EntityManager em, User user) {
    em.createNamedQuery(RefreshToken.REVOKE_USER)
        .setParameter("now", clock.instant())
        .setParameter("user", user)
        .executeUpdate();
  }

  private TokenPair answer(Attempt attempt, Instant now) {
    return switch (attempt.outcome()) {
      case SIGNED_IN -> attempt.tokens();
      case WRONG_PASSWORD -> throw badCredentials();
      case LOCKED -> throw locked(attempt.lockedUntil(), now);
      case INACTIVE -> throw ProblemException.of(403, "This account is deactivated.");
      case UNKNOWN_TOKEN, EXPIRED_TOKEN -> throw unauthorized("The refresh token is invalid or expired: sign in again.");
      case REUSED_TOKEN -> throw unauthorized(
          "The refresh token was already used. Every session of this sign-in is now revoked: sign in again.");
      case ENDED_SIGN_IN -> throw unauthorized(
          "The refresh token was revoked with its sign-in (signed out, or revoked after a copy of one of its tokens was used): sign in again.");
      case DEACTIVATED_SIGN_IN -> throw unauthorized("The refresh token was revoked: this account is deactivated.");
    };
  }

  private TokenPair issue(EntityManager em, User user, String family, Instant now) {
    Instant expires = now.plus(accessLifetime);
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(ISSUER)
            .subject(user.id().toString())
            .claim("upn", user.username())
            .claim("groups", List.of(user.role().value()))
            .claim("role", user.role().value())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(expires))
            .jwtID(UUID.randomUUID().toString())
            .build();
    String refresh = newRefreshToken();
    em.persist(new RefreshToken(hash(refresh), family, user, now, now.plus(refreshLifetime)));
    return new TokenPair(signingKeys.sign(claims), refresh, accessLifetime.toSeconds());
  }

  private void revokeFamily(EntityManager em, String family, Instant now) {
    em.createNamedQuery(RefreshToken.REVOKE_FAMILY)
        .setParameter("now", now)
        .setParameter("family", family)
        .executeUpdate();
  }

  private static Optional<User> findUser(EntityManager em, String username) {
    return em.createNamedQuery(User.BY_USERNAME, User.class)
        .setParameter("key", User.keyOf(username))
        .getResultStream()
        .findFirst();
  }

  private static Optional<RefreshToken> findToken(EntityManager em, String raw) {
    return em.createNamedQuery(RefreshToken.BY_HASH, RefreshToken.class)
        .setParameter("hash", hash(raw))
        .getResultStream()
        .findFirst();
  }

  private String newRefreshToken() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Refresh tokens carry 256 random bits: a plain SHA-256 is enough to store them safely. */
  static String hash(String raw) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(raw.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String decoyHash() {
    if (decoyHash == null) {
      decoyHash = passwords.hash(passwords.generate());
    }
    return decoyHash;
  }

  private static ProblemException badCredentials() {
    return unauthorized("Incorrect username or password.");
  }

  private static ProblemException unauthorized(String detail) {
    return new ProblemException(Problem.of(401, detail), Map.of("WWW-Authenticate", "Bearer"));
  }

  private static ProblemException locked(Instant until, Instant now) {
    long seconds = Math.max(1, Duration.between(now, until).toSeconds());
    return new ProblemException(
        Problem.of(429, "Too many failed sign-ins: this account is locked for " + seconds + " more seconds."),
        Map.of("Retry-After", Long.toString(seconds)));
  }
}
