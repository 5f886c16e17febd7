package com.creditscoring.ops.boundary;

import static com.creditscoring.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import com.creditscoring.testing.Models;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform as an operator meets it: start-up on an empty database, health, the API
 * description and the error model. One deployment of the WAR exactly as built.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Api.builtWar(PlatformIT.class);
  }

  @Test
  void startupMigratesTheEmptyDatabaseAndIsReady() {
    Api.Reply ready = Api.get("/health/ready");
    assertEquals(200, ready.status(), ready::toString);
    JsonObject database =
        ready.json().getJsonArray("checks").getValuesAs(JsonObject.class).stream()
            .filter(c -> c.getString("name").equals("database"))
            .findFirst()
            .orElseThrow();
    assertEquals("UP", database.getString("status"));
    String product = database.getJsonObject("data").getString("product");
    assertTrue(product.startsWith("H2") || product.startsWith("PostgreSQL"), product);
    int changeSets = Integer.parseInt(database.getJsonObject("data").get("schema_change_sets").toString().replace("\"", ""));
    assertTrue(changeSets >= 1, "change sets applied: " + changeSets);
  }

  @Test
  void opensNoHazelcastClusterPort() {
    // Payara's data grid would listen on 6900 and up on every interface; it must never start here.
    for (int port = 6900; port <= 6902; port++) {
      try (java.net.Socket socket = new java.net.Socket()) {
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
        org.junit.jupiter.api.Assertions.fail("something listens on cluster port " + port);
      } catch (java.io.IOException expected) {
        // refused: no cluster member here
      }
    }
  }

  @Test
  void livenessIsUp() {
    Api.Reply live = Api.get("/health/live");
    assertEquals(200, live.status(), live::toString);
    assertEquals("UP", live.json().getString("status"));
  }

  @Test
  void healthAnswersTheSeedShape() {
    Api.Reply health = Api.get("/api/health");
    assertEquals(200, health.status());
    JsonObject json = health.json();
    assertAll(
        () -> assertEquals("healthy", json.getString("status")),
        () -> assertTrue(json.getString("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*")),
        () -> assertTrue(json.getString("version").matches("\\d+\\.\\d+.*")));
  }

  @Test
  void detailedHealthIsDegradedWith503WhileNoModelIsActive() {
    Api.Reply detailed = Api.get("/api/health/detailed");
    JsonObject json = detailed.json();
    JsonObject checks = json.getJsonObject("checks");
    assertAll(
        () -> assertEquals(503, detailed.status(), detailed::toString),
        () -> assertEquals("degraded", json.getString("status")),
        () -> assertEquals("healthy", checks.getJsonObject("database").getString("status")),
        () -> assertEquals("healthy", checks.getJsonObject("filesystem").getString("status")),
        () -> assertEquals("unhealthy", checks.getJsonObject("models").getString("status")),
        () -> assertTrue(checks.containsKey("data")),
        () -> assertTrue(checks.getJsonObject("database").getString("message").length() > 0));
  }

  @Test
  void rootDocumentLinksDocsAndHealth() {
    Api.Reply root = Api.get("/api/");
    assertEquals(200, root.status(), root::toString);
    JsonObject json = root.json();
    assertAll(
        () -> assertEquals("Credit Scoring API", json.getString("message")),
        () -> assertEquals("/openapi", json.getString("docs")),
        () -> assertEquals("/api/health", json.getString("health")));
  }

  @Test
  void openApiDescribesTheEndpoints() {
    Api.Reply openapi = Api.get("/openapi", "Accept", "application/json");
    assertEquals(200, openapi.status());
    JsonObject paths = openapi.json().getJsonObject("paths");
    assertTrue(paths.containsKey("/api/health/detailed"), paths::toString);
    assertTrue(paths.containsKey("/api/health"), paths::toString);
    assertTrue(paths.containsKey("/api/login"), paths::toString);
    assertTrue(paths.containsKey("/api/users/{id}"), paths::toString);
    assertTrue(paths.containsKey("/api/datasets"), paths::toString);
    assertTrue(paths.containsKey("/api/models/{id}/activate"), paths::toString);
    assertTrue(paths.containsKey("/api/train-final"), paths::toString);
    assertTrue(paths.containsKey("/api/predict"), paths::toString);
    assertTrue(paths.containsKey("/api/report"), paths::toString);
    assertTrue(paths.containsKey("/api/generate-comparison-report"), paths::toString);
    assertTrue(paths.containsKey("/api/models/{id}/report.pdf"), paths::toString);
    assertTrue(paths.containsKey("/api/download/{name}"), paths::toString);
    // Ids are checked by problems.PathIds, not by regex templates that OpenAPI shows as paths.
    assertTrue(paths.containsKey("/api/batch-jobs/{id}/result.csv"), paths::toString);
    assertTrue(paths.containsKey("/api/predictions/{id}/report.pdf"), paths::toString);
    assertTrue(paths.containsKey("/api/reports/{id}"), paths::toString);
    assertFalse(openapi.body().contains("{id:"), "no regex in path templates");
    // Schemas name properties as the wire does, in snake_case.
    assertTrue(openapi.body().contains("\"access_token\""), "snake_case properties");
    assertFalse(openapi.body().contains("\"accessToken\""), "no Java property names");
  }

  // --- Ids in paths: one spelling each

  /** The id written with the digits of another script, percent-encoded as UTF-8. */
  private static String inOtherDigits(String id, char zero) {
    StringBuilder digits = new StringBuilder();
    id.chars().forEach(c -> digits.append((char) (zero + c - '0')));
    return URLEncoder.encode(digits.toString(), StandardCharsets.UTF_8);
  }

  private static String[] otherSpellingsOf(String id) {
    return new String[] {
      "+" + id, "0" + id, "-" + id, id + ";x", id + "%3Bx", id + "%20", inOtherDigits(id, '\u0660'), inOtherDigits(id, '\uff10')
    };
  }

  @Test
  void anIdSpelledOtherThanInPlainDigitsIsProblem404() {
    // Without a token the answer is 401 as for any id: the id check runs after the role check.
    assertProblem(Api.get("/api/users/+1"), 401);
    String admin = Accounts.bearer(Accounts.adminToken());
    String id = String.valueOf(Api.get("/api/me", "Authorization", admin).json().getJsonNumber("id").longValue());
    assertEquals(200, Api.get("/api/users/" + id, "Authorization", admin).status());
    for (String spelling : otherSpellingsOf(id)) {
      assertProblem(Api.get("/api/users/" + spelling, "Authorization", admin), 404);
    }
    for (String path : new String[] {"/api/batch-jobs/+1", "/api/predictions/01", "/api/reports/1;x", "/api/jobs/%EF%BC%91", "/api/models/+1/activate"}) {
      assertProblem(Api.method(path.endsWith("activate") ? "POST" : "GET", path, null, null, "Authorization", admin), 404);
    }
  }

  @Test
  void matrixParametersAreProblem404Anywhere() {
    assertProblem(Api.get("/api/health;x"), 404);
    assertEquals(200, Api.get("/api/health").status());
  }

  @Test
  void deletingADatasetByAnotherSpellingOfItsIdDeletesNothing() {
    String admin = Accounts.bearer(Accounts.adminToken());
    Api.Reply created = Api.post("/api/datasets?name=tiny&target=y", "text/csv", Models.tinyCsv(40), "Authorization", admin);
    assertEquals(201, created.status(), created::toString);
    String id = String.valueOf(created.json().getJsonNumber("id").longValue());
    for (String spelling : otherSpellingsOf(id)) {
      assertProblem(Api.delete("/api/datasets/" + spelling, "Authorization", admin), 404);
    }
    assertEquals(200, Api.get("/api/datasets/" + id, "Authorization", admin).status(), "the dataset is still there");
  }

  @Test
  void unknownApiPathIsProblem404() {
    assertProblem(Api.get("/api/no-such-thing"), 404);
  }

  @Test
  void unknownPathOutsideTheApiIsProblem404() {
    assertProblem(Api.get("/no-such-page"), 404);
  }

  @Test
  void wrongMethodIsProblem405() {
    assertProblem(Api.delete("/api/health"), 405);
  }

  @Test
  void unacceptableMediaTypeIsProblem406() {
    assertProblem(Api.get("/api/health", "Accept", "application/xml"), 406);
  }

  @Test
  void oversizedBodyIsProblem413() {
    String big = "{\"x\":\"" + "a".repeat(9 * 1024 * 1024) + "\"}";
    assertProblem(Api.postJson("/api/health", big), 413);
  }

  @Test
  void oversizedChunkedJsonIsProblem413Too() {
    byte[] big = ("{\"x\":\"" + "a".repeat(9 * 1024 * 1024) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertProblem(Api.postChunked("/api/predict", "application/json", big, "Authorization", com.creditscoring.testing.Accounts.bearer(com.creditscoring.testing.Accounts.adminToken())), 413);
  }

  @Test
  void noWadlDescribesTheApiToStrangers() {
    assertProblem(Api.get("/api/application.wadl"), 404);
    Api.Reply options = Api.method("OPTIONS", "/api/health", "text/plain", "");
    assertFalse(options.body().contains("wadl") || String.valueOf(options.contentType()).contains("wadl"), options::toString);
  }

  @Test
  void everyAnswerCarriesARequestId() {
    Api.Reply reply = Api.get("/api/health", "X-Request-Id", "trace-42");
    assertEquals("trace-42", reply.header("X-Request-Id"));
    assertEquals("trace-42", Api.get("/api/nothing", "X-Request-Id", "trace-42").json().getString("request_id"));
  }
}
