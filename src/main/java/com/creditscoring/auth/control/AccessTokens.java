package com.creditscoring.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks the access tokens this service issues: RS256 under our signing key, our issuer, a caller
 * name ({@code upn}) and roles ({@code groups}, as MicroProfile JWT names them), not expired.
 *
 * <p>A token that passed is remembered, by its exact text, until it expires: clients send the same
 * token with every request for its whole lifetime, and checking it again would cost an RSA
 * signature check and two JSON parses each time (a fifth of the server's CPU under scoring load).
 * Any other text, a single byte changed included, is a different key and is checked in full.
 */
@ApplicationScoped
public class AccessTokens {

  /** Who presents a valid token, and until when it is valid. */
  public record Bearer(String name, Set<String> roles, Instant expires) {}

  /** More remembered tokens than this is not normal use: start again rather than grow. */
  private static final int REMEMBERED_AT_MOST = 10_000;

  @Inject SigningKeys signingKeys;

  private DefaultJWTProcessor<SecurityContext> processor;
  private Clock clock = Clock.systemUTC();
  private final Map<String, Bearer> verified = new ConcurrentHashMap<>();

  @PostConstruct
  void load() {
    trust(signingKeys.publicKey(), Clock.systemUTC());
  }

  /** For tests: a verifier of tokens signed by {@code key}, on {@code clock}'s time. */
  static AccessTokens trusting(RSAKey key, Clock clock) {
    AccessTokens tokens = new AccessTokens();
    tokens.trust(key, clock);
    return tokens;
  }

  private void trust(RSAKey key, Clock clock) {
    this.clock = clock;
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()))));
    DefaultJWTClaimsVerifier<SecurityContext> claims =
        new DefaultJWTClaimsVerifier<>(
            new JWTClaimsSet.Builder().issuer(Sessions.ISSUER).build(), Set.of("upn", "groups", "exp")) {
          @Override
          protected Date currentTime() {
            return Date.from(AccessTokens.this.clock.instant());
          }
        };
    // Expiry is exact, as it is for a remembered token: no grace period for clock skew.
    claims.setMaxClockSkew(0);
    processor.setJWTClaimsSetVerifier(claims);
  }

  /** The bearer of {@code token}, or empty when it is not a valid, unexpired token of ours. */
  public Optional<Bearer> verify(String token) {
    Bearer known = verified.get(token);
    if (known != null) {
      if (known.expires().isAfter(clock.instant())) {
        return Optional.of(known);
      }
      verified.remove(token);
      return Optional.empty();
    }
    Optional<Bearer> bearer = checkInFull(token);
    bearer.ifPresent(
        b -> {
          if (verified.size() >= REMEMBERED_AT_MOST) {
            verified.clear();
          }
          verified.put(token, b);
        });
    return bearer;
  }

  private Optional<Bearer> checkInFull(String token) {
    try {
      JWTClaimsSet claims = processor.process(token, null);
      List<String> roles = claims.getStringListClaim("groups");
      String name = claims.getStringClaim("upn");
      if (name == null || name.isBlank() || roles == null) {
        return Optional.empty();
      }
      return Optional.of(new Bearer(name, Set.copyOf(roles), claims.getExpirationTime().toInstant()));
    } catch (ParseException | BadJOSEException | JOSEException e) {
      // Not ours, tampered, expired or malformed: the caller answers 401, which is all a client
      // with a bad token should learn.
      return Optional.empty();
    }
  }
}
