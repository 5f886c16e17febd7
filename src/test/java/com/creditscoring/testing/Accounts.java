package com.creditscoring.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Signs in through the API and keeps one account per role for the tests of one deployment. */
public final class Accounts {

  public static final String PASSWORD = "correct-horse-battery";
  private static final Map<String, Long> IDS = new ConcurrentHashMap<>();

  private Accounts() {}

  static void forget() {
    IDS.clear();
  }

  public static Api.Reply login(String username, String password) {
    return Api.postJson(
        "/api/login",
        Json.createObjectBuilder().add("username", username).add("password", password).build().toString());
  }

  public static JsonObject tokens(String username, String password) {
    Api.Reply reply = login(username, password);
    assertEquals(200, reply.status(), () -> "sign-in of " + username + ": " + reply);
    return reply.json();
  }

  public static String adminToken() {
    return tokens("admin", Api.ADMIN_PASSWORD).getString("access_token");
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /** A fresh account with this role; its password is {@link #PASSWORD}. */
  public static long create(String username, String role) {
    Api.Reply reply =
        Api.postJson(
            "/api/users",
            Json.createObjectBuilder()
                .add("username", username)
                .add("password", PASSWORD)
                .add("role", role)
                .build()
                .toString(),
            "Authorization",
            bearer(adminToken()));
    assertEquals(201, reply.status(), () -> "creating " + username + ": " + reply);
    return reply.json().getJsonNumber("id").longValue();
  }

  /** The one account of this role the tests share ("admin" is the installation's own). */
  public static String username(String role) {
    if (role.equals("admin")) {
      return "admin";
    }
    IDS.computeIfAbsent(role, r -> create("shared-" + r, r));
    return "shared-" + role;
  }

  public static long id(String role) {
    username(role);
    return IDS.get(role);
  }

  public static String tokenFor(String role) {
    return role.equals("admin")
        ? adminToken()
        : tokens(username(role), PASSWORD).getString("access_token");
  }
}
