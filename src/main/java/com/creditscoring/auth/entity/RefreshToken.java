package com.creditscoring.auth.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One refresh token, stored by its hash only. Tokens rotated from one login share a family; using
 * a token that was already rotated means it was stolen, and the whole family is revoked.
 */
@Entity
@Table(name = "refresh_tokens")
@NamedQuery(name = RefreshToken.BY_HASH, query = "SELECT t FROM RefreshToken t WHERE t.tokenHash = :hash")
@NamedQuery(
    name = RefreshToken.REVOKE_IF_ACTIVE,
    query = "UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.id = :id AND t.revokedAt IS NULL")
@NamedQuery(
    name = RefreshToken.REVOKE_FAMILY,
    query =
        "UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.familyId = :family AND t.revokedAt IS NULL")
@NamedQuery(
    name = RefreshToken.REVOKE_USER,
    query = "UPDATE RefreshToken t SET t.revokedAt = :now WHERE t.user = :user AND t.revokedAt IS NULL")
@NamedQuery(
    name = RefreshToken.SUCCESSORS,
    query = "SELECT COUNT(t) FROM RefreshToken t WHERE t.familyId = :family AND t.id <> :id AND t.issuedAt >= :revokedAt")
public class RefreshToken {

  public static final String BY_HASH = "RefreshToken.findByHash";
  /** Tokens of the family issued when (or after) this one was revoked: its rotation, if it was rotated. */
  public static final String SUCCESSORS = "RefreshToken.successors";
  public static final String REVOKE_IF_ACTIVE = "RefreshToken.revokeIfActive";
  public static final String REVOKE_FAMILY = "RefreshToken.revokeFamily";
  public static final String REVOKE_USER = "RefreshToken.revokeUser";

  @Id
  @SequenceGenerator(name = "refresh_tokens_seq", sequenceName = "refresh_tokens_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "refresh_tokens_seq")
  private Long id;

  @Column(name = "token_hash", nullable = false, length = 64)
  private String tokenHash;

  @Column(name = "family_id", nullable = false, length = 36)
  private String familyId;

  @ManyToOne(optional = false)
  @JoinColumn(name = "user_id", nullable = false)
  private User user;

  @Column(name = "issued_at", nullable = false)
  private Instant issuedAt;

  @Column(name = "expires_at", nullable = false)
  private Instant expiresAt;

  @Column(name = "revoked_at")
  private Instant revokedAt;

  protected RefreshToken() {}

  public RefreshToken(String tokenHash, String familyId, User user, Instant issuedAt, Instant expiresAt) {
    this.tokenHash = requireNonNull(tokenHash);
    this.familyId = requireNonNull(familyId);
    this.user = requireNonNull(user);
    this.issuedAt = requireNonNull(issuedAt);
    this.expiresAt = requireNonNull(expiresAt);
  }

  public Long id() {
    return id;
  }

  public String familyId() {
    return familyId;
  }

  public User user() {
    return user;
  }

  public boolean isRevoked() {
    return revokedAt != null;
  }

  public Instant revokedAt() {
    return revokedAt;
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }
}
