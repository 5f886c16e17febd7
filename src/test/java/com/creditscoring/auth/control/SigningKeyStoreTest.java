package com.creditscoring.auth.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.ops.control.InvalidSettingException;
import com.creditscoring.storage.control.DatabaseUrl;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SigningKeyStoreTest {

  private static DatabaseUrl freshDatabase() {
    return DatabaseUrl.parse(
        Optional.of("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1"),
        Optional.empty(),
        Optional.empty(),
        Path.of("."));
  }

  @Test
  void everyInstanceOnOneDatabaseGetsTheKeyTheFirstOneCreated() throws Exception {
    DatabaseUrl database = freshDatabase();
    RSAKey first = SigningKeyStore.storedOrCreated(database);
    RSAKey second = SigningKeyStore.storedOrCreated(database);
    assertEquals(first.getKeyID(), second.getKeyID());

    SignedJWT token = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), new JWTClaimsSet.Builder().subject("1").build());
    token.sign(new RSASSASigner(first));
    assertTrue(token.verify(new RSASSAVerifier(second.toRSAPublicKey())));
  }

  @Test
  void separateDatabasesGetSeparateKeys() {
    assertTrue(
        !SigningKeyStore.storedOrCreated(freshDatabase())
            .getKeyID()
            .equals(SigningKeyStore.storedOrCreated(freshDatabase()).getKeyID()));
  }

  @Test
  void readsAConfiguredPkcs8KeyWrittenOnOneLine() throws Exception {
    RSAKey created = SigningKeyStore.storedOrCreated(freshDatabase());
    String pem = SigningKeyStore.pem("PRIVATE KEY", created.toPrivateKey().getEncoded());
    RSAKey parsed = SigningKeyStore.parse("JWT_PRIVATE_KEY", pem.replace("\n", "\\n"));
    assertEquals(created.getKeyID(), parsed.getKeyID());
  }

  @Test
  void refusesPkcs1AndGarbageNamingTheSetting() {
    var pkcs1 =
        assertThrows(
            InvalidSettingException.class,
            () -> SigningKeyStore.parse("JWT_PRIVATE_KEY", "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----"));
    assertTrue(pkcs1.getMessage().contains("openssl pkcs8"), pkcs1.getMessage());
    var garbage = assertThrows(InvalidSettingException.class, () -> SigningKeyStore.parse("JWT_PRIVATE_KEY_FILE", "hello"));
    assertEquals("JWT_PRIVATE_KEY_FILE", garbage.setting());
  }
}
