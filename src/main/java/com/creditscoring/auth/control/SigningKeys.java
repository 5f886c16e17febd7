package com.creditscoring.auth.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;

/** Signs access tokens (RS256) with the key pair {@link SigningKeyStore} found. */
@ApplicationScoped
public class SigningKeys {

  @Inject Config config;

  private RSAKey key;
  private RSASSASigner signer;

  @PostConstruct
  void load() {
    key = SigningKeyStore.key(config);
    try {
      signer = new RSASSASigner(key);
    } catch (JOSEException e) {
      throw new IllegalStateException("unusable signing key: " + e.getMessage(), e);
    }
  }

  /** The public half, which {@link AccessTokens} checks signatures with. */
  public RSAKey publicKey() {
    return key.toPublicJWK();
  }

  public String keyId() {
    return key.getKeyID();
  }

  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.getKeyID())
                .build(),
            claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a token: " + e.getMessage(), e);
    }
    return jwt.serialize();
  }
}
