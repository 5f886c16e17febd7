package com.creditscoring.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

  private static RSAKey ours;
  private static RSAKey theirs;
  private static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

  /** A clock the test moves forward. */
  private static final class Hands extends Clock {
    Instant now = NOW;

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  }

  private final Hands clock = new Hands();
  private final AccessTokens tokens = AccessTokens.trusting(ours, clock);

  @BeforeAll
  static void keys() throws JOSEException {
    ours = new RSAKeyGenerator(2048).keyID("ours").generate();
    theirs = new RSAKeyGenerator(2048).keyID("theirs").generate();
  }

  private static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(Sessions.ISSUER)
        .claim("upn", "alice")
        .claim("groups", List.of("analyst"))
        .issueTime(Date.from(NOW))
        .expirationTime(Date.from(NOW.plus(Duration.ofMinutes(30))));
  }

  private static String signed(RSAKey key, JWTClaimsSet claims) throws JOSEException {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  private static String ours(UnaryOperator<JWTClaimsSet.Builder> change) throws JOSEException {
    return signed(ours, change.apply(claims()).build());
  }

  @Test
  void aTokenWeIssuedNamesItsUserAndRoles() throws JOSEException {
    AccessTokens.Bearer bearer = tokens.verify(ours(c -> c)).orElseThrow();
    assertEquals("alice", bearer.name());
    assertEquals(Set.of("analyst"), bearer.roles());
  }

  @Test
  void anExpiredTokenIsRefused() throws JOSEException {
    assertTrue(tokens.verify(ours(c -> c.expirationTime(Date.from(NOW.minusSeconds(1))))).isEmpty());
  }

  @Test
  void aRememberedTokenIsRefusedFromTheMomentItExpires() throws JOSEException {
    String token = ours(c -> c);
    assertTrue(tokens.verify(token).isPresent());
    clock.now = NOW.plus(Duration.ofMinutes(30)).minusMillis(1);
    assertTrue(tokens.verify(token).isPresent());
    clock.now = NOW.plus(Duration.ofMinutes(30));
    assertTrue(tokens.verify(token).isEmpty());
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefused() throws JOSEException {
    assertTrue(tokens.verify(signed(theirs, claims().build())).isEmpty());
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() throws JOSEException {
    assertTrue(tokens.verify(ours(c -> c.issuer("someone-else"))).isEmpty());
  }

  @Test
  void aTokenWithoutUserOrRolesOrExpiryIsRefused() throws JOSEException {
    assertTrue(tokens.verify(ours(c -> c.claim("upn", null))).isEmpty());
    assertTrue(tokens.verify(ours(c -> c.claim("groups", null))).isEmpty());
    assertTrue(tokens.verify(ours(c -> c.expirationTime(null))).isEmpty());
  }

  @Test
  void aTamperedPayloadIsRefusedEvenAfterTheGenuineTokenWasRemembered() throws JOSEException {
    String genuine = ours(c -> c);
    assertTrue(tokens.verify(genuine).isPresent());
    String[] parts = genuine.split("\\.");
    String payload = new String(new Base64URL(parts[1]).decode(), StandardCharsets.UTF_8).replace("analyst", "admin");
    String promoted = parts[0] + "." + Base64URL.encode(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    assertTrue(tokens.verify(promoted).isEmpty());
  }

  @Test
  void unsignedAndHmacTokensAreRefused() throws JOSEException {
    String header = Base64URL.encode("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)).toString();
    String payload = Base64URL.encode(claims().build().toString().getBytes(StandardCharsets.UTF_8)).toString();
    assertTrue(tokens.verify(header + "." + payload + ".").isEmpty());

    // The old confusion attack: HS256 "signed" with the public key as the shared secret.
    SignedJWT hmac = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims().build());
    hmac.sign(new MACSigner(ours.toPublicJWK().toRSAPublicKey().getEncoded()));
    assertTrue(tokens.verify(hmac.serialize()).isEmpty());
  }

  @Test
  void somethingThatIsNoTokenIsRefused() {
    assertTrue(tokens.verify("not-a-token").isEmpty());
    assertTrue(tokens.verify("").isEmpty());
    assertTrue(tokens.verify("a.b.c").isEmpty());
  }
}
