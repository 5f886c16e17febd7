package com.creditscoring.testing;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/** Tokens a client could present, good and bad, for the security tests. */
public final class Tokens {

  private Tokens() {}

  public static JWTClaimsSet claims(String upn, String role) {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer("credit-scoring")
        .subject("1")
        .claim("upn", upn)
        .claim("groups", List.of(role))
        .issueTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(600)))
        .build();
  }

  /** Well-formed and unexpired, but signed by a key the server never saw. */
  public static String signedByAnotherKey(String upn, String role) {
    try {
      RSAKey key = new RSAKeyGenerator(2048).keyID("attacker").generate();
      SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("attacker").build(), claims(upn, role));
      jwt.sign(new RSASSASigner(key));
      return jwt.serialize();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The classic attack: "alg": "none" and no signature at all. */
  public static String unsigned(String upn, String role) {
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)).toString();
    String payload = Base64URL.encode(claims(upn, role).toString().getBytes(StandardCharsets.UTF_8)).toString();
    return header + "." + payload + ".";
  }

  /** A genuine token whose payload was edited to claim another role; the signature no longer fits. */
  public static String withRoleChangedTo(String genuineToken, String role) {
    String[] parts = genuineToken.split("\\.");
    String payload = new String(new Base64URL(parts[1]).decode(), StandardCharsets.UTF_8);
    String edited = payload.replaceAll("\"groups\":\\[[^]]*]", "\"groups\":[\"" + role + "\"]");
    if (edited.equals(payload)) {
      throw new IllegalStateException("no groups claim in " + payload);
    }
    return parts[0] + "." + Base64URL.encode(edited.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
  }
}
