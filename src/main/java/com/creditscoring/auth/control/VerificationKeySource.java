package com.creditscoring.auth.control;

import com.creditscoring.ops.control.StartupSequence;
import com.nimbusds.jose.JOSEException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Hands MicroProfile JWT the public half of the signing key as {@code mp.jwt.verify.publickey}: the
 * key is not known before start-up (it may be created then, or read from the database), so it
 * cannot sit in a properties file. Registered through {@code META-INF/services}.
 */
public class VerificationKeySource implements ConfigSource {

  static final String PUBLIC_KEY = "mp.jwt.verify.publickey";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(PUBLIC_KEY);
  }

  @Override
  public Map<String, String> getProperties() {
    String value = getValue(PUBLIC_KEY);
    return value == null ? Map.of() : Map.of(PUBLIC_KEY, value);
  }

  @Override
  public String getValue(String propertyName) {
    if (!PUBLIC_KEY.equals(propertyName)) {
      return null;
    }
    Config config = ConfigProvider.getConfig();
    try {
      return SigningKeyStore.pem(
          "PUBLIC KEY", SigningKeyStore.key(config).toRSAPublicKey().getEncoded());
    } catch (JOSEException e) {
      throw new IllegalStateException("unusable signing key: " + e.getMessage(), e);
    } catch (RuntimeException e) {
      // Thrown while the server sets up CDI, before StartupSequence can say it: say it here.
      StartupSequence.fail(e, config);
      throw e;
    }
  }

  @Override
  public String getName() {
    return "credit-scoring signing key";
  }

  /** Below system properties (400) and environment variables (300): an explicit key wins. */
  @Override
  public int getOrdinal() {
    return 150;
  }
}
