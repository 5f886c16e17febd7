package com.creditscoring.auth.boundary;

import com.creditscoring.auth.control.UserAccounts;
import com.creditscoring.auth.entity.Role;
import com.creditscoring.auth.entity.User;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** User administration, for administrators only. Users are deactivated, never deleted. */
@Path("users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@DenyAll
public class UsersResource {

  static final String ROLE_PATTERN = "admin|analyst|user";
  static final String ROLE_MESSAGE = "must be one of admin, analyst, user";

  @Inject UserAccounts accounts;

  // Request bodies are classes, not records: see SessionsResource.Credentials.

  public static class NewUser {
    @NotBlank
    @Size(min = 3, max = 64)
    @Pattern(regexp = "[A-Za-z0-9._@-]+", message = "may contain letters, digits and . _ @ - only")
    public String username;

    @NotNull @Size(min = 1, max = 128) public String password;

    @NotNull
    @Pattern(regexp = ROLE_PATTERN, message = ROLE_MESSAGE)
    public String role;
  }

  /** Any subset of the fields; a password here is a reset. */
  public static class UserChange {
    @Pattern(regexp = ROLE_PATTERN, message = ROLE_MESSAGE)
    public String role;

    public Boolean isActive;

    @Size(min = 1, max = 128) public String password;
  }

  public record UserView(
      long id,
      String username,
      String role,
      boolean isActive,
      Instant createdAt,
      Instant lastLogin,
      Instant lockedUntil) {
    static UserView of(User user) {
      return new UserView(
          user.id(),
          user.username(),
          user.role().value(),
          user.isActive(),
          user.createdAt(),
          user.lastLogin(),
          user.lockedUntil());
    }
  }

  @GET
  @RolesAllowed(Role.ADMIN_NAME)
  @Operation(summary = "All users")
  public List<UserView> all() {
    return accounts.all().stream().map(UserView::of).toList();
  }

  @GET
  @Path("{id}")
  @RolesAllowed(Role.ADMIN_NAME)
  @Operation(summary = "One user")
  public UserView one(@PathParam("id") long id) {
    return UserView.of(accounts.find(id));
  }

  @POST
  @RolesAllowed(Role.ADMIN_NAME)
  @Operation(summary = "Create a user (password at least 10 characters)")
  @APIResponse(responseCode = "201", description = "Created; Location names it")
  @APIResponse(responseCode = "409", description = "Username taken (case-insensitive)")
  public Response create(@NotNull @Valid NewUser user, @Context UriInfo uri) {
    User created =
        accounts.create(user.username, user.password, Role.of(user.role).orElseThrow());
    return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
        .entity(UserView.of(created))
        .build();
  }

  @PATCH
  @Path("{id}")
  @RolesAllowed(Role.ADMIN_NAME)
  @Operation(summary = "Change role, activate or deactivate, or reset the password")
  @APIResponse(responseCode = "409", description = "Would leave no active administrator")
  public UserView change(@PathParam("id") long id, @NotNull @Valid UserChange change) {
    return UserView.of(
        accounts.change(
            id,
            new UserAccounts.Change(
                Optional.ofNullable(change.role).flatMap(Role::of),
                Optional.ofNullable(change.isActive),
                Optional.ofNullable(change.password))));
  }
}
