package com.creditscoring.auth.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Somebody who signs in: an analyst, an API client or an administrator. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.usernameKey = :key")
@NamedQuery(name = User.COUNT_BY_ROLE, query = "SELECT COUNT(u) FROM User u WHERE u.role = :role")
@NamedQuery(
    name = User.COUNT_ACTIVE_BY_ROLE,
    query = "SELECT COUNT(u) FROM User u WHERE u.role = :role AND u.active = TRUE")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.id")
public class User {

  public static final String BY_USERNAME = "User.findByUsername";
  public static final String COUNT_BY_ROLE = "User.countByRole";
  public static final String COUNT_ACTIVE_BY_ROLE = "User.countActiveByRole";
  public static final String ALL = "User.findAll";

  @Id
  @SequenceGenerator(name = "users_seq", sequenceName = "users_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "users_seq")
  private Long id;

  @Column(nullable = false, length = 64)
  private String username;

  @Column(name = "username_key", nullable = false, length = 64)
  private String usernameKey;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(nullable = false, length = 16)
  private Role role;

  @Column(nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "last_login")
  private Instant lastLogin;

  @Column(name = "failed_logins", nullable = false)
  private int failedLogins;

  @Column(name = "first_failed_login")
  private Instant firstFailedLogin;

  @Column(name = "locked_until")
  private Instant lockedUntil;

  protected User() {}

  public User(String username, String passwordHash, Role role, Instant createdAt) {
    this.username = requireNonNull(username, "username");
    this.usernameKey = keyOf(username);
    this.passwordHash = requireNonNull(passwordHash, "passwordHash");
    this.role = requireNonNull(role, "role");
    this.createdAt = requireNonNull(createdAt, "createdAt");
    this.active = true;
  }

  /** Usernames are unique regardless of case: "Admin" and "admin" are one account. */
  public static String keyOf(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  /** Locked accounts refuse even the right password until the lock runs out. */
  public boolean isLockedAt(Instant now) {
    return lockedUntil != null && now.isBefore(lockedUntil);
  }

  /**
   * Counts a wrong password. {@code maxFailures} within {@code window} lock the account for
   * {@code lockout}; the count starts afresh once the window has passed.
   */
  public void recordFailedLogin(Instant now, int maxFailures, Duration window, Duration lockout) {
    if (firstFailedLogin == null || !now.isBefore(firstFailedLogin.plus(window))) {
      failedLogins = 0;
      firstFailedLogin = now;
    }
    failedLogins++;
    if (failedLogins >= maxFailures) {
      lockedUntil = now.plus(lockout);
      failedLogins = 0;
      firstFailedLogin = null;
    }
  }

  public void recordSuccessfulLogin(Instant now) {
    failedLogins = 0;
    firstFailedLogin = null;
    lockedUntil = null;
    lastLogin = now;
  }

  public void changeRole(Role newRole) {
    role = requireNonNull(newRole, "role");
  }

  public void changeActive(boolean isActive) {
    active = isActive;
  }

  /** A reset password also lifts a lock: the administrator has vouched for the account. */
  public void resetPassword(String newPasswordHash) {
    passwordHash = requireNonNull(newPasswordHash, "passwordHash");
    failedLogins = 0;
    firstFailedLogin = null;
    lockedUntil = null;
  }

  public Long id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public Role role() {
    return role;
  }

  public boolean isActive() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant lastLogin() {
    return lastLogin;
  }

  public Instant lockedUntil() {
    return lockedUntil;
  }

  public int failedLogins() {
    return failedLogins;
  }

  public Instant firstFailedLogin() {
    return firstFailedLogin;
  }
}
