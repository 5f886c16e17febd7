package com.creditscoring.auth.entity;

import java.util.Locale;
import java.util.Optional;

/**
 * The seed's three roles. Their lower-case names are what the API, the JWT {@code groups} claim,
 * {@code @RolesAllowed} and the database all say.
 */
public enum Role {
  /** Everything, including user administration and activating models. */
  ADMIN,
  /** Trains, compares and explains models; reads every decision and report. */
  ANALYST,
  /** Scores applications and reads their own decisions and reports. */
  USER;

  public static final String ADMIN_NAME = "admin";
  public static final String ANALYST_NAME = "analyst";
  public static final String USER_NAME = "user";

  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The role with this name, or empty: callers decide how to report an unknown role. */
  public static Optional<Role> of(String value) {
    for (Role role : values()) {
      if (role.value().equals(value)) {
        return Optional.of(role);
      }
    }
    return Optional.empty();
  }
}
