package com.creditscoring.auth.boundary;

import com.creditscoring.auth.entity.Role;
import jakarta.ws.rs.core.SecurityContext;

/**
 * Who may read whose records (decisions, batch jobs, reports, feedback): analysts and admins read
 * everyone's, users only their own.
 */
public final class Readers {

  private Readers() {}

  public static boolean readsEveryones(SecurityContext security) {
    return security.isUserInRole(Role.ADMIN_NAME) || security.isUserInRole(Role.ANALYST_NAME);
  }

  public static boolean mayRead(SecurityContext security, String owner) {
    return readsEveryones(security) || owner.equals(security.getUserPrincipal().getName());
  }
}
