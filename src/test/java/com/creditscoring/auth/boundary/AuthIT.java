package com.creditscoring.auth.boundary;

import static com.creditscoring.testing.Accounts.bearer;
import static com.creditscoring.testing.Problems.assertProblem;
import static com.creditscoring.testing.Problems.badFields;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import com.creditscoring.testing.ProtectedEndpoints;
import com.creditscoring.testing.ProtectedEndpoints.Endpoint;
import com.creditscoring.testing.TestTokensResource;
import com.creditscoring.testing.Tokens;
import com.nimbusds.jwt.SignedJWT;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

/**
 * Signing in, tokens, roles and user administration over HTTP. One deployment: the built WAR plus
 * a test-only resource that mints tokens with the server's key (for expired tokens).
 */
@ExtendWith(ArquillianExtension.class)
class AuthIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Api.builtWar(AuthIT.class).addClass(TestTokensResource.class);
  }

  // --- The security table: every protected endpoint against every kind of bad token.

  private static void forEveryEndpoint(Function<Endpoint, Executable> check) {
    List<Executable> checks = new ArrayList<>();
    for (Endpoint endpoint : ProtectedEndpoints.all()) {
      checks.add(check.apply(endpoint));
    }
    assertAll(checks);
  }

  private static Executable expect401(Endpoint endpoint, String authorization) {
    return () -> {
      Api.Reply reply = endpoint.call(authorization);
      assertEquals(401, reply.status(), () -> endpoint + " answered " + reply);
      assertProblem(reply, 401);
      assertEquals("Bearer", reply.header("WWW-Authenticate"), () -> endpoint + " challenge");
    };
  }

  @Test
  void everyProtectedEndpointRefusesARequestWithoutToken() {
    forEveryEndpoint(e -> expect401(e, null));
  }

  @Test
  void everyProtectedEndpointRefusesAnExpiredToken() {
    String expired =
        Api.post("/api/test-tokens?upn=admin&role=admin&expires_in=-600", "text/plain", "").body();
    String fresh =
        Api.post("/api/test-tokens?upn=admin&role=admin&expires_in=600", "text/plain", "").body();
    // The same token, unexpired, is accepted: only the expiry makes the difference.
    assertEquals(200, Api.get("/api/me", "Authorization", bearer(fresh)).status());
    forEveryEndpoint(e -> expect401(e, bearer(expired)));
  }

  @Test
  void everyProtectedEndpointRefusesATokenSignedByAnotherKey() {
    forEveryEndpoint(e -> expect401(e, bearer(Tokens.signedByAnotherKey("admin", "admin"))));
  }

  @Test
  void everyProtectedEndpointRefusesAnUnsignedAlgNoneToken() {
    forEveryEndpoint(e -> expect401(e, bearer(Tokens.unsigned("admin", "admin"))));
  }

  @Test
  void everyProtectedEndpointRefusesATokenFromAnotherIssuer() {
    String foreign =
        Api.post("/api/test-tokens?upn=admin&role=admin&expires_in=600&issuer=another-service", "text/plain", "").body();
    forEveryEndpoint(e -> expect401(e, bearer(foreign)));
  }

  @Test
  void everyProtectedEndpointRefusesSomethingThatIsNoToken() {
    forEveryEndpoint(e -> expect401(e, bearer("not-a-token")));
  }

  @Test
  void aBadTokenIsRefusedEvenWhereNoTokenIsNeeded() {
    Api.Reply reply = Api.get("/api/health", "Authorization", bearer(Tokens.signedByAnotherKey("admin", "admin")));
    assertProblem(reply, 401);
    assertProblem(Api.get("/api/health", "Authorization", bearer("garbage.token.x")), 401);
  }

  @Test
  void signingInRefreshingAndSigningOutIgnoreAnExpiredOrBadAccessToken() {
    String expired = Api.post("/api/test-tokens?upn=admin&role=admin&expires_in=-600", "text/plain", "").body();
    for (String authorization :
        new String[] {bearer(expired), bearer("garbage.token.x"), bearer(Tokens.signedByAnotherKey("admin", "admin"))}) {
      Api.Reply login =
          Api.postJson("/api/login", "{\"username\":\"admin\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}",
              "Authorization", authorization);
      assertEquals(200, login.status(), () -> "login with " + authorization + ": " + login);
      Api.Reply refreshed =
          Api.postJson("/api/refresh", "{\"refresh_token\":\"" + login.json().getString("refresh_token") + "\"}",
              "Authorization", authorization);
      assertEquals(200, refreshed.status(), () -> "refresh with " + authorization + ": " + refreshed);
      String refreshToken = refreshed.json().getString("refresh_token");
      Api.Reply logout = Api.postJson("/api/logout", "{\"refresh_token\":\"" + refreshToken + "\"}", "Authorization", authorization);
      assertEquals(204, logout.status(), () -> "logout with " + authorization + ": " + logout);
      assertProblem(refresh(refreshToken), 401);
    }
  }

  @Test
  void onlyTheExactSignInPathsIgnoreABadAccessToken() {
    // A path that merely starts like a sign-in endpoint is not one: the bad token is still refused.
    assertProblem(Api.postJson("/api/login/x", "{}", "Authorization", bearer("garbage.token.x")), 401);
  }

  @Test
  void everyProtectedEndpointRefusesATamperedPayload() {
    String promoted = Tokens.withRoleChangedTo(Accounts.tokenFor("user"), "admin");
    forEveryEndpoint(e -> expect401(e, bearer(promoted)));
  }

  @Test
  void everyProtectedEndpointRefusesTheWrongRoleWith403() {
    forEveryEndpoint(
        endpoint ->
            () -> {
              List<Executable> checks = new ArrayList<>();
              for (String role : ProtectedEndpoints.ALL_ROLES) {
                if (!endpoint.roles().contains(role)) {
                  checks.add(
                      () -> {
                        Api.Reply reply = endpoint.call(bearer(Accounts.tokenFor(role)));
                        assertEquals(403, reply.status(), () -> endpoint + " as " + role + ": " + reply);
                        assertProblem(reply, 403);
                      });
                }
              }
              assertAll(checks);
            });
  }

  @Test
  void everyProtectedEndpointServesTheRightRoles() {
    forEveryEndpoint(
        endpoint ->
            () -> {
              List<Executable> checks = new ArrayList<>();
              for (String role : endpoint.roles()) {
                checks.add(
                    () -> {
                      Api.Reply reply = endpoint.callAllowed(bearer(Accounts.tokenFor(role)));
                      assertTrue(reply.status() / 100 == 2, () -> endpoint + " as " + role + ": " + reply);
                    });
              }
              assertAll(checks);
            });
  }

  // --- Signing in

  @Test
  void loginAnswersTheSeedsTokenShapeWithAnRs256Token() throws Exception {
    JsonObject tokens = Accounts.tokens("admin", Api.ADMIN_PASSWORD);
    assertEquals("bearer", tokens.getString("token_type"));
    assertEquals(1800, tokens.getInt("expires_in"));
    SignedJWT jwt = SignedJWT.parse(tokens.getString("access_token"));
    assertAll(
        () -> assertEquals("RS256", jwt.getHeader().getAlgorithm().getName()),
        () -> assertEquals("admin", jwt.getJWTClaimsSet().getStringClaim("upn")),
        () -> assertEquals(List.of("admin"), jwt.getJWTClaimsSet().getStringListClaim("groups")),
        () -> assertTrue(tokens.getString("refresh_token").length() >= 40));
  }

  @Test
  void meDescribesTheSignedInUser() {
    JsonObject me = Api.get("/api/me", "Authorization", bearer(Accounts.tokenFor("analyst"))).json();
    assertEquals("shared-analyst", me.getString("username"));
    assertEquals("analyst", me.getString("role"));
    assertTrue(me.getBoolean("is_active"));
    assertEquals(Accounts.id("analyst"), me.getJsonNumber("id").longValue());
  }

  @Test
  void unknownUserAndWrongPasswordGetTheSameAnswer() {
    Accounts.create("known-user", "user");
    JsonObject unknown = assertProblem(Accounts.login("nobody-at-all", "whatever-password"), 401);
    JsonObject wrong = assertProblem(Accounts.login("known-user", "wrong-password-1"), 401);
    assertEquals(unknown.getString("detail"), wrong.getString("detail"));
  }

  @Test
  void usernamesAreCaseInsensitive() {
    Accounts.create("Mixed.Case", "user");
    assertEquals(200, Accounts.login("mixed.case", Accounts.PASSWORD).status());
    assertProblem(
        Api.postJson(
            "/api/users",
            "{\"username\":\"MIXED.CASE\",\"password\":\"another-password\",\"role\":\"user\"}",
            "Authorization",
            bearer(Accounts.adminToken())),
        409);
  }

  @Test
  void loginValidatesEveryFieldAtOnce() {
    JsonObject problem = assertProblem(Api.postJson("/api/login", "{}"), 422);
    assertEquals(Set.of("username", "password"), badFields(problem));
  }

  @Test
  void malformedJsonIsProblem400() {
    JsonObject problem = assertProblem(Api.postJson("/api/login", "{\"username\": "), 400);
    assertEquals(Set.of("body"), badFields(problem));
  }

  @Test
  void jsonFollowedByMoreOrOfAnotherShapeIsProblem400WithoutJavaNames() {
    assertEquals(Set.of("body"), badFields(assertProblem(Api.postJson("/api/login", "{\"username\":\"a\",\"password\":\"b\"}xyz"), 400)));
    assertProblem(Api.postJson("/api/login", "{\"username\":\"a\",\"password\":\"b\"}{}"), 400);
    for (String body : new String[] {"[]", "42", "\"admin\"", "[".repeat(5000) + "]".repeat(5000)}) {
      Api.Reply reply = Api.postJson("/api/login", body);
      assertProblem(reply, 400);
      assertTrue(!reply.body().contains("class ") && !reply.body().contains("$"), reply::toString);
    }
  }

  @Test
  void membersOfTheWrongJsonTypeAreNamedInsteadOfConverted() {
    String admin = bearer(Accounts.adminToken());
    assertEquals(
        Set.of("username", "password"),
        badFields(assertProblem(Api.postJson("/api/users", "{\"username\":12345678,\"password\":true,\"role\":\"user\"}", "Authorization", admin), 422)));
    Api.Reply created = Api.postJson("/api/users", "{\"username\":\"typed-user\",\"password\":\"long-enough-pass\",\"role\":\"user\"}", "Authorization", admin);
    assertEquals(201, created.status(), created::toString);
    long id = created.json().getJsonNumber("id").longValue();
    for (String active : new String[] {"\"yes\"", "1", "\"\"", "[true]"}) {
      assertEquals(
          Set.of("is_active"),
          badFields(assertProblem(Api.method("PATCH", "/api/users/" + id, "application/json", "{\"is_active\":" + active + "}", "Authorization", admin), 422)));
    }
    assertTrue(Api.get("/api/users/" + id, "Authorization", admin).json().getBoolean("is_active"), "the account is still active");
  }

  @Test
  void wrongContentTypeIsProblem415() {
    assertProblem(Api.post("/api/login", "text/plain", "admin:secret"), 415);
  }

  @Test
  void aDeactivatedUserCannotSignInAndLosesTheirSessions() {
    long id = Accounts.create("leaving-user", "user");
    String refresh = Accounts.tokens("leaving-user", Accounts.PASSWORD).getString("refresh_token");
    Api.Reply deactivated =
        Api.method("PATCH", "/api/users/" + id, "application/json", "{\"is_active\":false}", "Authorization", bearer(Accounts.adminToken()));
    assertEquals(200, deactivated.status(), deactivated::toString);
    assertProblem(Accounts.login("leaving-user", Accounts.PASSWORD), 403);
    assertDetail(refresh(refresh), "deactivated");
  }

  @Test
  void fiveWrongPasswordsLockTheAccountUntilAnAdministratorResetsIt() {
    long id = Accounts.create("forgetful-user", "user");
    for (int i = 0; i < 4; i++) {
      assertProblem(Accounts.login("forgetful-user", "wrong-password-" + i), 401);
    }
    Api.Reply locked = Accounts.login("forgetful-user", "wrong-password-4");
    assertProblem(locked, 429);
    assertTrue(Integer.parseInt(locked.header("Retry-After")) > 800, locked::toString);
    assertProblem(Accounts.login("forgetful-user", Accounts.PASSWORD), 429);

    Api.Reply reset =
        Api.method("PATCH", "/api/users/" + id, "application/json", "{\"password\":\"a-brand-new-password\"}", "Authorization", bearer(Accounts.adminToken()));
    assertEquals(200, reset.status(), reset::toString);
    assertNull(reset.json().get("locked_until"));
    assertEquals(200, Accounts.login("forgetful-user", "a-brand-new-password").status());
  }

  // --- Refresh tokens

  private static Api.Reply refresh(String token) {
    return Api.postJson("/api/refresh", "{\"refresh_token\":\"" + token + "\"}");
  }

  @Test
  void refreshRotatesThePair() {
    JsonObject first = Accounts.tokens(Accounts.username("user"), Accounts.PASSWORD);
    Api.Reply second = refresh(first.getString("refresh_token"));
    assertEquals(200, second.status(), second::toString);
    assertNotEquals(first.getString("refresh_token"), second.json().getString("refresh_token"));
    assertEquals(200, Api.get("/api/me", "Authorization", bearer(second.json().getString("access_token"))).status());
    assertProblem(refresh(first.getString("refresh_token")), 401);
  }

  @Test
  void reusingARotatedRefreshTokenRevokesTheWholeFamily() {
    JsonObject first = Accounts.tokens(Accounts.username("user"), Accounts.PASSWORD);
    String stolen = first.getString("refresh_token");
    String rotated = refresh(stolen).json().getString("refresh_token");
    assertDetail(refresh(stolen), "already used");
    assertDetail(refresh(rotated), "revoked with its sign-in");
  }

  @Test
  void logoutRevokesTheRefreshToken() {
    String token = Accounts.tokens(Accounts.username("user"), Accounts.PASSWORD).getString("refresh_token");
    assertEquals(204, Api.postJson("/api/logout", "{\"refresh_token\":\"" + token + "\"}").status());
    assertDetail(refresh(token), "signed out");
  }

  /** A 401 problem whose detail says why, in the words given. */
  private static void assertDetail(Api.Reply refused, String words) {
    String detail = assertProblem(refused, 401).getString("detail");
    assertTrue(detail.contains(words), () -> "'" + words + "' in " + detail);
  }

  @Test
  void anUnknownRefreshTokenIs401() {
    assertProblem(refresh("not-a-token-we-issued"), 401);
  }

  // --- User administration

  @Test
  void createdUsersHaveALocationAndNoPasswordHashAnywhere() {
    Api.Reply created =
        Api.postJson(
            "/api/users",
            "{\"username\":\"new-analyst\",\"password\":\"analyst-password\",\"role\":\"analyst\"}",
            "Authorization",
            bearer(Accounts.adminToken()));
    assertEquals(201, created.status(), created::toString);
    assertTrue(created.header("Location").endsWith("/api/users/" + created.json().getJsonNumber("id")));
    Api.Reply list = Api.get("/api/users", "Authorization", bearer(Accounts.adminToken()));
    assertTrue(!list.body().contains("hash") && !list.body().contains("PBKDF2"), list.body());
  }

  @Test
  void passwordsShorterThanTenCharactersAreRefused() {
    JsonObject problem =
        assertProblem(
            Api.postJson(
                "/api/users",
                "{\"username\":\"short-pw\",\"password\":\"123456789\",\"role\":\"user\"}",
                "Authorization",
                bearer(Accounts.adminToken())),
            422);
    assertEquals(Set.of("password"), badFields(problem));
  }

  @Test
  void newUsersAreValidatedFieldByField() {
    JsonObject problem =
        assertProblem(
            Api.postJson(
                "/api/users",
                "{\"username\":\"x\",\"role\":\"boss\"}",
                "Authorization",
                bearer(Accounts.adminToken())),
            422);
    assertEquals(Set.of("username", "password", "role"), badFields(problem));
  }

  @Test
  void theLastActiveAdministratorCannotBeDemotedOrDeactivated() {
    String admin = bearer(Accounts.adminToken());
    long adminId = Api.get("/api/me", "Authorization", admin).json().getJsonNumber("id").longValue();
    assertProblem(Api.method("PATCH", "/api/users/" + adminId, "application/json", "{\"role\":\"user\"}", "Authorization", admin), 409);
    assertProblem(Api.method("PATCH", "/api/users/" + adminId, "application/json", "{\"is_active\":false}", "Authorization", admin), 409);
  }

  @Test
  void anUnknownUserIs404() {
    assertProblem(Api.get("/api/users/999999", "Authorization", bearer(Accounts.adminToken())), 404);
  }

  @Test
  void createUsersScriptCreatesUsersThroughTheApi() throws IOException, InterruptedException {
    Path file = Files.createTempFile("users", ".csv");
    Files.writeString(file, "# username,role,password\nscripted-analyst,analyst,scripted-password-1\n");
    ProcessBuilder script =
        new ProcessBuilder(
            "bash", "scripts/create-users.sh", "--url", Api.BASE, "--file", file.toString(), "scripted-user:user");
    script.environment().put("ADMIN_PASSWORD", Api.ADMIN_PASSWORD);
    script.redirectErrorStream(true);
    Process process = script.start();
    String output = new String(process.getInputStream().readAllBytes());
    assertEquals(0, process.waitFor(), output);
    assertTrue(output.contains("created scripted-user (user) with generated password"), output);
    assertEquals(200, Accounts.login("scripted-analyst", "scripted-password-1").status());
    String generated = output.replaceAll("(?s).*generated password (\\S+).*", "$1");
    assertEquals(200, Accounts.login("scripted-user", generated).status());
  }

  // --- CORS

  @Test
  void browsersOnAConfiguredOriginMayCallWithCredentials() {
    Api.Reply preflight =
        Api.method(
            "OPTIONS", "/api/login", null, null,
            "Origin", "http://ui.example",
            "Access-Control-Request-Method", "POST");
    assertEquals(204, preflight.status());
    assertEquals("http://ui.example", preflight.header("Access-Control-Allow-Origin"));
    assertEquals("true", preflight.header("Access-Control-Allow-Credentials"));
  }

  @Test
  void browsersOnOtherOriginsGetNoCorsHeaders() {
    Api.Reply reply = Api.get("/api/health", "Origin", "http://evil.example");
    assertNull(reply.header("Access-Control-Allow-Origin"));
  }
}
