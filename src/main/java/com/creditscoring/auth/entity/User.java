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
import java.time.Instant;
import java.util.Locale;

/** Somebody who signs in: an analyst, an API client or an administrator. */
@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.usernameKey = :key")
@NamedQuery(name = User.COUNT_BY_ROLE, query = "SELECT COUNT(u) FROM User u WHERE u.role = :role")
public class User {

  public static final String BY_USERNAME = "User.findByUsername";
  public static final String COUNT_BY_ROLE = "User.countByRole";

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
