package com.creditscoring.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Hashes and checks passwords with Jakarta Security's PBKDF2 (no hand-rolled crypto) and holds the
 * password policy. Each stored hash carries its own algorithm, iterations and salt, so raising the
 * cost later keeps old hashes verifiable.
 */
@ApplicationScoped
public class Passwords {

  public static final int MINIMUM_LENGTH = 10;
  public static final int MAXIMUM_LENGTH = 128;

  @Inject Pbkdf2PasswordHash pbkdf2;

  private final SecureRandom random = new SecureRandom();

  @PostConstruct
  void configure() {
    // OWASP's 2023 guidance for PBKDF2-HMAC-SHA512.
    pbkdf2.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64"));
  }

  public String hash(String password) {
    return pbkdf2.generate(password.toCharArray());
  }

  public boolean matches(String password, String hash) {
    return pbkdf2.verify(password.toCharArray(), hash);
  }

  /** Why this password is not acceptable, or empty when it is. */
  public static Optional<String> weakness(String password) {
    if (password == null || password.length() < MINIMUM_LENGTH) {
      return Optional.of("must be at least " + MINIMUM_LENGTH + " characters");
    }
    if (password.length() > MAXIMUM_LENGTH) {
      return Optional.of("must be at most " + MAXIMUM_LENGTH + " characters");
    }
    if (password.isBlank()) {
      return Optional.of("must not be blank");
    }
    return Optional.empty();
  }

  /** A random password of 24 URL-safe characters (144 bits). */
  public String generate() {
    byte[] bytes = new byte[18];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
