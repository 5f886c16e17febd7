package com.creditscoring.auth.control;

import com.creditscoring.ops.control.DataFolder;
import com.creditscoring.ops.control.InvalidSettingException;
import com.creditscoring.storage.control.DatabaseUrl;
import com.creditscoring.storage.control.SchemaMigration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Finds the RSA key pair that signs access tokens, once per process.
 *
 * <p>It reads {@code JWT_PRIVATE_KEY} or {@code JWT_PRIVATE_KEY_FILE} (a cluster's shared secret),
 * or else the pair kept in the database, which the first instance to start creates. It runs
 * without CDI and migrates the schema itself over one plain connection because Payara's
 * MicroProfile JWT mechanism, which checked tokens until {@link AccessTokens} did, asked for the key
 * while CDI was still being set up; {@link SigningKeys} is now its only caller.
 */
public final class SigningKeyStore {

  private static final Logger LOG = Logger.getLogger(SigningKeyStore.class.getName());
  static final String PURPOSE = "access-tokens";

  private static RSAKey key;

  private SigningKeyStore() {}

  public static synchronized RSAKey key(Config config) {
    if (key == null) {
      key = configured(config).orElseGet(() -> storedOrCreated(config));
    }
    return key;
  }

  private static Optional<RSAKey> configured(Config config) {
    Optional<String> pem = config.getOptionalValue("jwt.private-key", String.class).filter(p -> !p.isBlank());
    if (pem.isPresent()) {
      return Optional.of(parse("JWT_PRIVATE_KEY", pem.get()));
    }
    Optional<String> file = config.getOptionalValue("jwt.private-key.file", String.class).filter(p -> !p.isBlank());
    if (file.isPresent()) {
      try {
        return Optional.of(parse("JWT_PRIVATE_KEY_FILE", Files.readString(Path.of(file.get()))));
      } catch (IOException e) {
        throw new InvalidSettingException("JWT_PRIVATE_KEY_FILE", "cannot read " + file.get() + ": " + e);
      }
    }
    return Optional.empty();
  }

  private static RSAKey storedOrCreated(Config config) {
    Path dataFolder = DataFolder.configuredIn(config);
    try {
      Files.createDirectories(dataFolder);
    } catch (IOException e) {
      throw new InvalidSettingException("DATA_DIR", "cannot create folder " + dataFolder + ": " + e);
    }
    return storedOrCreated(DatabaseUrl.fromConfig(config, dataFolder));
  }

  /** The pair kept in this database, created and stored there if it has none yet. */
  static RSAKey storedOrCreated(DatabaseUrl location) {
    try (Connection connection = location.connect()) {
      SchemaMigration.apply(connection);
      // After the migration: Liquibase leaves the connection in manual-commit mode.
      connection.setAutoCommit(true);
      Optional<String> stored = stored(connection);
      if (stored.isPresent()) {
        return parse("signing_keys table", stored.get());
      }
      RSAKey created = generate();
      try {
        insert(connection, created);
        LOG.info("Created the access-token signing key " + created.getKeyID() + " in the database.");
        return created;
      } catch (SQLException e) {
        // Another instance stored its key first: everybody uses that one.
        return stored(connection).map(p -> parse("signing_keys table", p)).orElseThrow(() -> e);
      }
    } catch (SQLException e) {
      throw new InvalidSettingException(
          "DATABASE_URL", "cannot read the signing key from " + location + ": " + e.getMessage());
    }
  }

  private static Optional<String> stored(Connection connection) throws SQLException {
    try (var select =
        connection.prepareStatement("SELECT private_key_pem FROM signing_keys WHERE purpose = ?")) {
      select.setString(1, PURPOSE);
      try (var rows = select.executeQuery()) {
        return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
      }
    }
  }

  private static void insert(Connection connection, RSAKey created) throws SQLException {
    try (var insert =
        connection.prepareStatement(
            "INSERT INTO signing_keys (purpose, key_id, private_key_pem, public_key_pem, created_at)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      insert.setString(1, PURPOSE);
      insert.setString(2, created.getKeyID());
      insert.setString(3, pem("PRIVATE KEY", created.toPrivateKey().getEncoded()));
      insert.setString(4, pem("PUBLIC KEY", created.toRSAPublicKey().getEncoded()));
      insert.setTimestamp(5, Timestamp.from(Instant.now()));
      insert.executeUpdate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  private static RSAKey generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair pair = generator.generateKeyPair();
      return new RSAKey.Builder((RSAPublicKey) pair.getPublic())
          .privateKey(pair.getPrivate())
          .keyIDFromThumbprint()
          .build();
    } catch (GeneralSecurityException | JOSEException e) {
      throw new IllegalStateException("cannot create an RSA key pair: " + e.getMessage(), e);
    }
  }

  /** Reads a PKCS#8 PEM private key (newlines may be written as \n) and derives its public half. */
  static RSAKey parse(String source, String pemText) {
    if (pemText.contains("BEGIN RSA PRIVATE KEY")) {
      throw new InvalidSettingException(
          source,
          "PKCS#1 keys are not supported; convert with"
              + " 'openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem'");
    }
    String base64 =
        pemText
            .replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replace("\\n", "")
            .replaceAll("\\s", "");
    try {
      KeyFactory factory = KeyFactory.getInstance("RSA");
      var privateKey =
          (RSAPrivateCrtKey)
              factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
      if (privateKey.getModulus().bitLength() < 2048) {
        throw new InvalidSettingException(source, "the RSA key must have at least 2048 bits");
      }
      var publicKey =
          (RSAPublicKey)
              factory.generatePublic(
                  new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent()));
      return new RSAKey.Builder(publicKey).privateKey(privateKey).keyIDFromThumbprint().build();
    } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException | JOSEException e) {
      throw new InvalidSettingException(source, "not a PEM-encoded PKCS#8 RSA private key");
    }
  }

  static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }
}
