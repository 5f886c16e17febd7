package com.creditscoring.auth.control;

import com.creditscoring.auth.entity.Role;
import com.creditscoring.auth.entity.User;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.storage.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** User administration: who may sign in, with which role. */
@ApplicationScoped
public class UserAccounts {

  @Inject Database database;
  @Inject Passwords passwords;
  @Inject Sessions sessions;
  @Inject Clock clock;

  /** What an administrator may change; absent parts stay as they are. */
  public record Change(Optional<Role> role, Optional<Boolean> active, Optional<String> password) {}

  public List<User> all() {
    return database.inTransaction(em -> em.createNamedQuery(User.ALL, User.class).getResultList());
  }

  public User find(long id) {
    return database.inTransaction(em -> existing(em, id, LockModeType.NONE));
  }

  public Optional<User> findByUsername(String username) {
    return database.inTransaction(
        em ->
            em.createNamedQuery(User.BY_USERNAME, User.class)
                .setParameter("key", User.keyOf(username))
                .getResultStream()
                .findFirst());
  }

  public User create(String username, String password, Role role) {
    Passwords.weakness(password).ifPresent(w -> {
      throw ProblemException.invalidField("password", w);
    });
    if (findByUsername(username).isPresent()) {
      throw taken(username);
    }
    User user = new User(username.strip(), passwords.hash(password), role, clock.instant());
    try {
      return database.inTransaction(
          em -> {
            em.persist(user);
            return user;
          });
    } catch (PersistenceException e) {
      // Created by a concurrent request between the check and the insert.
      if (findByUsername(username).isPresent()) {
        throw taken(username);
      }
      throw e;
    }
  }

  public User change(long id, Change change) {
    change.password().flatMap(Passwords::weakness).ifPresent(w -> {
      throw ProblemException.invalidField("password", w);
    });
    Optional<String> newHash = change.password().map(passwords::hash);
    return database.inTransaction(
        em -> {
          User user = existing(em, id, LockModeType.PESSIMISTIC_WRITE);
          boolean losesAdmin =
              user.role() == Role.ADMIN
                  && user.isActive()
                  && (change.role().filter(r -> r != Role.ADMIN).isPresent()
                      || change.active().filter(a -> !a).isPresent());
          if (losesAdmin && activeAdministrators(em) <= 1) {
            throw ProblemException.of(
                409, "This is the last active administrator: make another one first.");
          }
          change.role().ifPresent(user::changeRole);
          change.active().ifPresent(user::changeActive);
          newHash.ifPresent(user::resetPassword);
          if (!user.isActive() || change.password().isPresent()) {
            // Deactivated or reset accounts lose their sessions now, not when tokens expire.
            sessions.revokeAll(em, user);
          }
          return user;
        });
  }

  private static long activeAdministrators(EntityManager em) {
    // Lock every active admin row, so two concurrent demotions cannot both see "one other left".
    return em.createQuery("SELECT u FROM User u WHERE u.role = :role AND u.active = TRUE", User.class)
        .setParameter("role", Role.ADMIN)
        .setLockMode(LockModeType.PESSIMISTIC_WRITE)
        .getResultList()
        .size();
  }

  private static User existing(EntityManager em, long id, LockModeType lock) {
    User user = em.find(User.class, id, lock);
    if (user == null) {
      throw new NotFoundException("no user " + id);
    }
    return user;
  }

  private static ProblemException taken(String username) {
    return ProblemException.of(409, "The username '" + username.strip() + "' is taken.");
  }
}
