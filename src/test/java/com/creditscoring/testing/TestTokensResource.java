package com.creditscoring.testing;

import com.creditscoring.auth.control.SigningKeys;
import com.creditscoring.auth.control.Sessions;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Only in IT deployments, never in the product: mints tokens with the server's real signing key,
 * for the cases a client cannot produce by signing in (an expired token, another issuer).
 */
@Path("test-tokens")
@PermitAll
public class TestTokensResource {

  @Inject SigningKeys signingKeys;

  @POST
  @Produces(MediaType.TEXT_PLAIN)
  public String mint(
      @QueryParam("upn") String upn,
      @QueryParam("role") String role,
      @QueryParam("expires_in") long expiresInSeconds,
      @QueryParam("issuer") @DefaultValue(Sessions.ISSUER) String issuer) {
    Instant now = Instant.now();
    return signingKeys.sign(
        new JWTClaimsSet.Builder()
            .issuer(issuer)
            .subject("0")
            .claim("upn", upn)
            .claim("groups", List.of(role))
            .issueTime(Date.from(now.minusSeconds(3600)))
            .expirationTime(Date.from(now.plusSeconds(expiresInSeconds)))
            .jwtID(UUID.randomUUID().toString())
            .build());
  }
}
