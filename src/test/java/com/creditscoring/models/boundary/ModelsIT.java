package com.creditscoring.models.boundary;

import static com.creditscoring.testing.Accounts.bearer;
import static com.creditscoring.testing.Problems.assertProblem;
import static com.creditscoring.testing.Problems.badFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import com.creditscoring.testing.Models;
import jakarta.json.JsonObject;
import com.creditscoring.storage.control.DatabaseUrl;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Training, the registry and activation over HTTP, on the demo dataset of a new installation.
 * Ordered: the seed's train-final runs first, on an installation with no model.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelsIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Api.builtWar(ModelsIT.class);
  }

  private static String admin() {
    return bearer(Accounts.adminToken());
  }

  private static long demoDataset() {
    return Api.get("/api/datasets", "Authorization", admin()).jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(d -> d.getString("source").equals("demo"))
        .findFirst()
        .orElseThrow()
        .getJsonNumber("id")
        .longValue();
  }

  @Test
  @Order(1)
  void trainFinalTrainsTheBestLearnerOnTheDemoDataAndActivatesIt() {
    assertEquals(503, Api.get("/api/health/detailed").status(), "no model yet");
    Api.Reply compared = Api.get("/api/compare", "Authorization", admin());
    assertEquals(200, compared.status(), compared::toString);
    var results = compared.json().getJsonArray("models").getValuesAs(JsonObject.class);
    assertEquals(3, results.size());
    for (JsonObject result : results) {
      double auc = result.getJsonNumber("auc").doubleValue();
      assertTrue(auc > 0.7 && auc < 1, result::toString);
      assertEquals(2 * auc - 1, result.getJsonNumber("gini").doubleValue(), 1e-9);
    }

    Api.Reply trained = Api.post("/api/train-final", "application/json", "", "Authorization", admin());
    assertEquals(200, trained.status(), trained::toString);
    JsonObject answer = trained.json();
    assertEquals(results.get(0).getString("model"), answer.getString("model"), "the best learner by CV AUC");
    assertTrue(answer.getJsonNumber("accuracy").doubleValue() < 0.99, "cross-validated, not training-set accuracy");

    Api.Reply health = Api.get("/api/health/detailed");
    assertEquals(200, health.status(), health::toString);
    assertTrue(health.json().getJsonObject("checks").getJsonObject("models").getString("message").contains("model " + answer.getInt("version")));
  }

  @Test
  @Order(2)
  void aTrainingJobReportsProgressAndRegistersAnImmutableVersionWithItsSchema() {
    long job = Models.submit("{\"dataset\":" + demoDataset() + ",\"algorithm\":\"logistic\",\"options\":{\"folds\":5}}");
    JsonObject done = Models.awaitJob(job, Duration.ofMinutes(3));
    assertEquals("succeeded", done.getString("state"), done::toString);
    assertEquals(1.0, done.getJsonNumber("progress").doubleValue(), 1e-9);
    JsonObject detail = Api.get(done.getString("model"), "Authorization", admin()).json();
    JsonObject metrics = detail.getJsonObject("metrics");
    assertEquals(5, metrics.getInt("folds"));
    assertEquals(5, metrics.getJsonArray("fold_aucs").size());
    assertEquals(10, metrics.getJsonArray("calibration").size());
    assertTrue(metrics.getJsonObject("confusion").getInt("true_positives") > 0);
    var schema = detail.getJsonArray("input_schema").getValuesAs(JsonObject.class);
    assertEquals(11, schema.size());
    JsonObject grade = schema.stream().filter(f -> f.getString("name").equals("loan_grade")).findFirst().orElseThrow();
    assertEquals("nominal", grade.getString("type"));
    assertTrue(grade.getJsonArray("allowed_values").toString().contains("\"G\""));
    assertEquals(64, detail.getString("checksum").length());
  }

  @Test
  @Order(3)
  void activationSwitchesTheModelWithoutRestart() {
    long model = Models.tinyModel();
    Api.Reply activated = Api.post("/api/models/" + model + "/activate", "application/json", "", "Authorization", admin());
    assertEquals(200, activated.status(), activated::toString);
    assertTrue(Api.get("/api/health/detailed").json().getJsonObject("checks").getJsonObject("models").getString("message").contains("model " + model));
    long activeCount =
        Api.get("/api/models", "Authorization", admin()).jsonArray().getValuesAs(JsonObject.class).stream()
            .filter(m -> m.getBoolean("active"))
            .count();
    assertEquals(1, activeCount, "exactly one active model");
  }

  @Test
  @Order(3)
  void anotherInstancesActivationIsPickedUpWithinFiveSeconds() throws Exception {
    String url = System.getProperty("it.database.url", "").replace("{name}", "modelsit");
    Assumptions.assumeTrue(url.startsWith("postgresql:"), "needs a database a second process can write: the PostgreSQL profile");
    long tiny = Models.tinyModel();
    long other =
        Api.get("/api/models", "Authorization", admin()).jsonArray().getValuesAs(JsonObject.class).stream()
            .mapToLong(m -> m.getJsonNumber("id").longValue())
            .filter(id -> id != tiny)
            .findFirst()
            .orElseThrow();
    Api.post("/api/models/" + tiny + "/activate", "application/json", "", "Authorization", admin());
    // What another instance's activation writes: the one active-model row.
    var location = DatabaseUrl.parse(Optional.of(url), Optional.empty(), Optional.empty(), Path.of("."));
    try (Connection connection = location.connect(); var update = connection.prepareStatement("UPDATE active_model SET model_id = ? WHERE id = 1")) {
      connection.setAutoCommit(true);
      update.setLong(1, other);
      assertEquals(1, update.executeUpdate());
    }
    Instant deadline = Instant.now().plusSeconds(5);
    String message = "";
    while (Instant.now().isBefore(deadline)) {
      message = Api.get("/api/health/detailed").json().getJsonObject("checks").getJsonObject("models").getString("message");
      if (message.contains("model " + other + " ")) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("still " + message + " five seconds after model " + other + " was activated elsewhere");
  }

  @Test
  @Order(4)
  void aCancelledJobRegistersNothingAndFreesTheDataset() {
    int before = Api.get("/api/models", "Authorization", admin()).jsonArray().size();
    long job = Models.slowJob();
    long dataset = Api.get("/api/jobs/" + job, "Authorization", admin()).json().getJsonNumber("dataset_id").longValue();
    assertProblem(Api.postJson("/api/models", "{\"dataset\":" + dataset + ",\"algorithm\":\"logistic\"}", "Authorization", admin()), 409);
    Api.Reply cancelled = Api.delete("/api/jobs/" + job, "Authorization", admin());
    assertEquals(200, cancelled.status(), cancelled::toString);
    assertEquals("cancelled", cancelled.json().getString("state"));
    assertEquals(before, Api.get("/api/models", "Authorization", admin()).jsonArray().size());
    long again = Models.submit("{\"dataset\":" + dataset + ",\"algorithm\":\"logistic\"}");
    assertEquals("succeeded", Models.awaitJob(again, Duration.ofMinutes(2)).getString("state"));
  }

  @Test
  @Order(5)
  void badTrainingRequestsNameEveryBadField() {
    assertEquals(Set.of("algorithm"), badFields(assertProblem(Api.postJson("/api/models", "{\"dataset\":1,\"algorithm\":\"svm\"}", "Authorization", admin()), 422)));
    assertEquals(
        Set.of("options.trees", "options.depthh"),
        badFields(assertProblem(Api.postJson("/api/models", "{\"dataset\":1,\"algorithm\":\"random_forest\",\"options\":{\"trees\":1,\"depthh\":2}}", "Authorization", admin()), 422)));
    assertEquals(Set.of("dataset", "algorithm"), badFields(assertProblem(Api.postJson("/api/models", "{}", "Authorization", admin()), 422)));
    assertEquals(Set.of("dataset"), badFields(assertProblem(Api.postJson("/api/models", "{\"dataset\":999999,\"algorithm\":\"logistic\"}", "Authorization", admin()), 422)));
  }

  @Test
  @Order(6)
  void aDatasetThatTrainedAModelCannotBeDeleted() {
    assertProblem(Api.delete("/api/datasets/" + demoDataset(), "Authorization", admin()), 409);
  }

  @Test
  @Order(7)
  void scorecardSettingsAreValidated() {
    long model = Models.tinyModel();
    Api.Reply bad =
        Api.method("PUT", "/api/models/" + model + "/settings", "application/json",
            "{\"base_score\":600,\"base_odds\":50,\"points_to_double_odds\":20,\"approve_below\":0.5,\"decline_from\":0.2}", "Authorization", admin());
    assertProblem(bad, 422);
    Api.Reply good =
        Api.method("PUT", "/api/models/" + model + "/settings", "application/json",
            "{\"base_score\":650,\"base_odds\":30,\"points_to_double_odds\":25,\"approve_below\":0.05,\"decline_from\":0.4}", "Authorization", admin());
    assertEquals(200, good.status(), good::toString);
    assertEquals(650, good.json().getJsonObject("settings").getInt("base_score"));
  }
}
