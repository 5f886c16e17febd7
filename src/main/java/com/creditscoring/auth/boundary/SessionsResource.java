package com.creditscoring.auth.boundary;

import com.creditscoring.auth.control.Sessions;
import com.creditscoring.auth.control.UserAccounts;
import com.creditscoring.auth.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The seed's sign-in endpoints: login, refresh, logout and "who am I". */
@Path("")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

  @Inject Sessions sessions;
  @Inject UserAccounts accounts;

  // Request bodies are classes, not records: Payara's OpenAPI scanner fails on constraints on
  // record components (NullPointerException in ApplicationProcessor.addSchemaParameter).

  public static class Credentials {
    @NotBlank @Size(max = 64) public String username;
    @NotBlank @Size(max = 128) public String password;
  }

  public static class RefreshRequest {
    @NotBlank @Size(max = 128) public String refreshToken;
  }

  public record Tokens(String accessToken, String refreshToken, String tokenType, long expiresIn) {
    static Tokens of(Sessions.TokenPair pair) {
      return new Tokens(pair.accessToken(), pair.refreshToken(), "bearer", pair.expiresIn());
    }
  }

  public record Me(long id, String username, String role, boolean isActive) {}

  @POST
  @Path("login")
  @PermitAll
  @Operation(summary = "Sign in: an RS256 access token and a rotating refresh token")
  @APIResponse(responseCode = "200", description = "Signed in")
  @APIResponse(responseCode = "401", description = "Unknown user or wrong password (one message)")
  @APIResponse(responseCode = "403", description = "Account deactivated")
  @APIResponse(responseCode = "429", description = "Locked after repeated failures; see Retry-After")
  public Tokens login(@NotNull @Valid Credentials credentials) {
    return Tokens.of(sessions.login(credentials.username, credentials.password));
  }

  @POST
  @Path("refresh")
  @PermitAll
  @Operation(summary = "Trade a refresh token for a new pair; the old one stops working")
  @APIResponse(responseCode = "401", description = "Unknown, expired or reused refresh token")
  public Tokens refresh(@NotNull @Valid RefreshRequest request) {
    return Tokens.of(sessions.refresh(request.refreshToken));
  }

  @POST
  @Path("logout")
  @PermitAll
  @Operation(summary = "Revoke the refresh token and every token rotated from the same sign-in")
  @APIResponse(responseCode = "204", description = "Signed out")
  public void logout(@NotNull @Valid RefreshRequest request) {
    sessions.logout(request.refreshToken);
  }

  @GET
  @Path("me")
  @RolesAllowed({Role.ADMIN_NAME, Role.ANALYST_NAME, Role.USER_NAME})
  @Operation(summary = "The signed-in user")
  public Me me(@Context SecurityContext security) {
    var user =
        accounts
            .findByUsername(security.getUserPrincipal().getName())
            .orElseThrow(() -> new NotFoundException("the signed-in user no longer exists"));
    return new Me(user.id(), user.username(), user.role().value(), user.isActive());
  }
}
