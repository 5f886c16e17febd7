package com.creditscoring.ops.boundary;

import com.creditscoring.auth.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Checks a client's token and nothing else: no database, no model. Clients use it to test their
 * set-up; the scoring benchmark uses it as the baseline that /api/predict is measured against, so
 * it is built like ScoringResource (one instance).
 */
@ApplicationScoped
@Path("ping")
@Produces(MediaType.APPLICATION_JSON)
public class PingResource {

  public record Pong(String status, String user) {}

  @GET
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "Answers {status: ok, user} when the token is valid; touches nothing else")
  public Pong ping(@Context SecurityContext security) {
    return new Pong("ok", security.getUserPrincipal().getName());
  }
}
