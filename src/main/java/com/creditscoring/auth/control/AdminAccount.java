package com.creditscoring.auth.control;

import com.creditscoring.auth.entity.Role;
import com.creditscoring.auth.entity.User;
import com.creditscoring.ops.control.InvalidSettingException;
import com.creditscoring.storage.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Makes sure a fresh installation can be signed into: when no administrator exists, creates
 * {@code admin} with the password from {@code ADMIN_PASSWORD}, or with a generated one printed once
 * in the log. There is never a fixed default password.
 */
@ApplicationScoped
public class AdminAccount {

  private static final Logger LOG = Logger.getLogger(AdminAccount.class.getName());
  static final String USERNAME = "admin";

  @Inject Database database;
  @Inject Passwords passwords;
  @Inject Clock clock;

  @Inject
  @ConfigProperty(name = "admin.password")
  Optional<String> configuredPassword;

  public void ensureExists() {
    if (administrators() > 0) {
      return;
    }
    configuredPassword.flatMap(Passwords::weakness)
        .ifPresent(
            weakness -> {
              throw new InvalidSettingException("ADMIN_PASSWORD", "the password " + weakness);
            });
    String password = configuredPassword.orElseGet(passwords::generate);
    User admin = new User(USERNAME, passwords.hash(password), Role.ADMIN, clock.instant());
    try {
      database.inTransaction(
          em -> {
            em.persist(admin);
            return admin;
          });
    } catch (PersistenceException e) {
      // Another instance on the same database may have created it a moment ago: that is fine.
      if (administrators() > 0) {
        return;
      }
      throw e;
    }
    if (configuredPassword.isPresent()) {
      LOG.info("Created user 'admin' with the password from ADMIN_PASSWORD.");
    } else {
      LOG.warning(
          "Created user 'admin' with the generated password "
              + password
              + " . It is shown only this once: sign in and change it.");
    }
  }

  private long administrators() {
    return database.inTransaction(
        em ->
            em.createNamedQuery(User.COUNT_BY_ROLE, Long.class)
                .setParameter("role", Role.ADMIN)
                .getSingleResult());
  }
}
