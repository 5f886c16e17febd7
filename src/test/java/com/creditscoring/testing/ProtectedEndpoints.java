package com.creditscoring.testing;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Every endpoint that needs a token, with the roles allowed to call it. A new protected endpoint
 * joins this table, and the security ITs test it for 401 and 403 with every kind of bad token.
 */
public final class ProtectedEndpoints {

  public static final Set<String> ALL_ROLES = Set.of("admin", "analyst", "user");
  public static final Set<String> ADMIN = Set.of("admin");

  /** A request to a protected endpoint; the body is made afresh for each call. */
  public record Endpoint(String method, String path, Supplier<String> body, Set<String> roles) {
    public Api.Reply call(String authorization) {
      String json = body == null ? null : body.get();
      return authorization == null
          ? Api.method(method, path, json == null ? null : "application/json", json)
          : Api.method(method, path, json == null ? null : "application/json", json, "Authorization", authorization);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private ProtectedEndpoints() {}

  public static List<Endpoint> all() {
    return List.of(
        new Endpoint("GET", "/api/me", null, ALL_ROLES),
        new Endpoint("GET", "/api/users", null, ADMIN),
        new Endpoint("GET", "/api/users/" + Accounts.id("user"), null, ADMIN),
        new Endpoint(
            "POST",
            "/api/users",
            () ->
                "{\"username\":\"u-"
                    + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"password\":\"a-long-password\",\"role\":\"user\"}",
            ADMIN),
        new Endpoint("PATCH", "/api/users/" + Accounts.id("analyst"), () -> "{\"is_active\":true}", ADMIN));
  }
}
