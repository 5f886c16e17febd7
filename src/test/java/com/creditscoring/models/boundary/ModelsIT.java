package com.creditscoring.models.boundary;

import static com.creditscoring.testing.Accounts.bearer;
import static com.creditscoring.testing.Problems.assertProblem;
import static com.creditscoring.testing.Problems.badFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import com.creditscoring.testing.Applicants;
import com.creditscoring.testing.Models;
import com.creditscoring.testing.Polling;
import com.creditscoring.testing.SecondServer;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Training, the registry and activation over HTTP, on the demo dataset of a new installation.
 * Ordered: the seed's train-final runs first, on an installation with no model. On PostgreSQL a
 * second Payara Micro process on the same database (testing.SecondServer) shows activation
 * crossing instances and a training killed with its server.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ModelsIT {

  /** A second Payara Micro on this class's database (PostgreSQL only), replaced when killed. */
  private static SecondServer other;

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
  void anotherInstancesActivationIsPickedUpWithinFiveSeconds() {
    assumeTwoProcessesCanShareTheDatabase();
    long first = Models.trainedOnDemoData("logistic", "{\"folds\":2}");
    long second = Models.trainedOnDemoData("logistic", "{\"folds\":2,\"ridge\":0.5}");
    Models.activate(first);
    SecondServer b = secondInstance();
    String predict = Applicants.seedRequest(false).build().toString();
    // A token A issued, used on both: B verifies it with the signing key kept in the database.
    String token = admin();
    assertEquals(first, scoredWith(Api.postJson("/api/predict", predict, "Authorization", token)));
    assertEquals(first, scoredWith(b.postJson("/api/predict", predict, "Authorization", token)), "B loads the active model at start-up");

    Api.Reply activated = b.postJson("/api/models/" + second + "/activate", "", "Authorization", token);
    assertEquals(200, activated.status(), activated::toString);
    awaitScoringWith(second, Instant.now(), "instance A", () -> Api.postJson("/api/predict", predict, "Authorization", token));

    // And the other way round.
    Models.activate(first);
    awaitScoringWith(first, Instant.now(), "instance B", () -> b.postJson("/api/predict", predict, "Authorization", token));
  }

  @Test
  @Order(4) // after the test above, which needs the second instance to start with its model active
  void aReportMadeOnOneInstanceIsServedByAnother() {
    assumeTwoProcessesCanShareTheDatabase();
    long first = Models.trainedOnDemoData("logistic", "{\"folds\":2}");
    SecondServer b = secondInstance();
    String token = admin();
    // Its PDF is kept in the database, not in this instance's data folder.
    var card = Api.getBytes("/api/models/" + first + "/report.pdf", "Authorization", token);
    assertEquals(200, card.statusCode());
    String name = card.headers().firstValue("Content-Disposition").orElseThrow().replaceAll(".*filename=\"([^\"]+)\".*", "$1");
    Api.Reply onB = b.get("/api/download/" + name, "Authorization", token);
    assertEquals(200, onB.status(), onB::toString);
    assertTrue(onB.body().startsWith("%PDF-"), () -> name + " on B: " + onB.body().substring(0, Math.min(40, onB.body().length())));
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
    // JSON-B would truncate 1.5 to dataset 1 and read "2" as 2: a typo must not train another dataset.
    assertEquals(
        Set.of("dataset", "options"),
        badFields(assertProblem(Api.postJson("/api/models", "{\"dataset\":1.5,\"algorithm\":\"logistic\",\"options\":[1]}", "Authorization", admin()), 422)));
    assertEquals(Set.of("dataset"), badFields(assertProblem(Api.postJson("/api/models", "{\"dataset\":\"2\",\"algorithm\":\"logistic\"}", "Authorization", admin()), 422)));
  }

  @Test
  @Order(5)
  void aDatasetWithOneRowOfAnOutcomeIsRefusedAtSubmission() {
    long tiny = Models.upload("tiny", "age,y\n1,0\n2,1\n");
    JsonObject problem =
        assertProblem(
            Api.postJson("/api/models", "{\"dataset\":" + tiny + ",\"algorithm\":\"logistic\",\"options\":{\"folds\":2}}", "Authorization", admin()),
            422);
    assertEquals(Set.of("dataset"), badFields(problem));
    assertTrue(problem.toString().contains("at least 2 of each"), problem::toString);
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
    // 1e400 is valid JSON but no double: it used to reach the database as infinity and answer 500.
    Api.Reply infinite =
        Api.method("PUT", "/api/models/" + model + "/settings", "application/json",
            "{\"base_score\":1e400,\"base_odds\":50,\"points_to_double_odds\":[20],\"approve_below\":0.05,\"decline_from\":0.4}", "Authorization", admin());
    assertEquals(Set.of("base_score", "points_to_double_odds"), badFields(assertProblem(infinite, 422)));
    // Finite but absurd scaling made every score NaN (0 once rounded), kept in the audit trail for good.
    Api.Reply absurd =
        Api.method("PUT", "/api/models/" + model + "/settings", "application/json",
            "{\"base_score\":600,\"base_odds\":4.9e-324,\"points_to_double_odds\":1.7e308,\"approve_below\":0.05,\"decline_from\":0.4}", "Authorization", admin());
    assertEquals(Set.of("base_odds", "points_to_double_odds"), badFields(assertProblem(absurd, 422)));
    // A member of the wrong JSON type does not hide what is wrong with the others.
    Api.Reply mixed =
        Api.method("PUT", "/api/models/" + model + "/settings", "application/json",
            "{\"base_score\":\"x\",\"base_odds\":-1,\"points_to_double_odds\":20,\"approve_below\":2,\"decline_from\":0.4}", "Authorization", admin());
    assertEquals(Set.of("base_score", "base_odds", "approve_below"), badFields(assertProblem(mixed, 422)));
    Api.Reply good =
        Api.method("PUT", "/api/models/" + model + "/settings", "application/json",
            "{\"base_score\":650,\"base_odds\":30,\"points_to_double_odds\":25,\"approve_below\":0.05,\"decline_from\":0.4}", "Authorization", admin());
    assertEquals(200, good.status(), good::toString);
    assertEquals(650, good.json().getJsonObject("settings").getInt("base_score"));
  }

  @Test
  @Order(8)
  void aKilledTrainingJobLeavesNoHalfRegisteredModel() throws Exception {
    assumeTwoProcessesCanShareTheDatabase();
    long dataset = Models.upload("killed", Models.tinyCsv(3000));
    int modelsBefore = Api.get("/api/models", "Authorization", admin()).jsonArray().size();
    // Slow on purpose: 21 forest fits of 1,000 trees, killed after the first.
    Api.Reply accepted =
        secondInstance().postJson("/api/models", "{\"dataset\":" + dataset + ",\"algorithm\":\"random_forest\",\"options\":{\"trees\":1000,\"folds\":20}}", "Authorization", admin());
    assertEquals(202, accepted.status(), accepted::toString);
    long job = accepted.json().getJsonNumber("id").longValue();
    JsonObject midway = awaitFirstProgress(job, Duration.ofMinutes(3));
    assertEquals("running", midway.getString("state"), () -> "the training ended before its server could be killed; make it slower: " + midway);

    other.kill();
    other = null;
    // A new server on the same database, and with the killed one's data folder.
    SecondServer restarted = secondInstance();

    JsonObject ended = Models.awaitJob(restarted, job, Duration.ofMinutes(2));
    assertEquals("failed", ended.getString("state"), ended::toString);
    assertTrue(ended.getString("error").contains("abandoned"), ended::toString);
    assertEquals(JsonValue.NULL, ended.getOrDefault("model_id", JsonValue.NULL), ended::toString);
    assertEquals(modelsBefore, Api.get("/api/models", "Authorization", admin()).jsonArray().size(), "no model registered by the killed job");
    assertEquals(Set.of(), unregisteredBackupFiles(restarted.dataFolder().resolve("models")));

    // The dataset is free again: no 409 from a job that will never end.
    Api.Reply again = restarted.postJson("/api/models", "{\"dataset\":" + dataset + ",\"algorithm\":\"logistic\"}", "Authorization", admin());
    assertEquals(202, again.status(), again::toString);
    JsonObject done = Models.awaitJob(restarted, again.json().getJsonNumber("id").longValue(), Duration.ofMinutes(2));
    assertEquals("succeeded", done.getString("state"), done::toString);
    long model = done.getJsonNumber("model_id").longValue();
    assertEquals(List.of(model), modelsOf(dataset));
    // The backup copy is written after the model is committed: its presence shows the folder checked above is the right one.
    awaitFile(restarted.dataFolder().resolve("models"), "model-" + model + "-logistic.model", Duration.ofSeconds(30));
    assertEquals(Set.of(), unregisteredBackupFiles(restarted.dataFolder().resolve("models")));
  }

  private static void assumeTwoProcessesCanShareTheDatabase() {
    Assumptions.assumeTrue(
        Api.onPostgres(), "needs a second Payara Micro on the same database, which embedded H2 cannot give (one process per file): run with -Ppostgres");
  }

  /** The instance B of the multi-instance tests, started on first use and stopped after the class. */
  private static SecondServer secondInstance() {
    if (other == null) {
      other = SecondServer.start(ModelsIT.class);
    }
    return other;
  }

  @AfterAll
  static void stopSecondInstance() {
    if (other != null) {
      other.close();
      other = null;
    }
  }

  private static long scoredWith(Api.Reply prediction) {
    assertEquals(200, prediction.status(), prediction::toString);
    return prediction.json().getJsonNumber("model_version").longValue();
  }

  /** Scores until the instance uses this version; fails if it still does not five seconds after activation (issue #4). */
  private static void awaitScoringWith(long version, Instant activated, String instance, Supplier<Api.Reply> predict) {
    Instant deadline = activated.plusSeconds(5);
    long current;
    do {
      current = scoredWith(predict.get());
      if (current == version) {
        return;
      }
      Polling.pause(Duration.ofMillis(200));
    } while (Instant.now().isBefore(deadline));
    throw new AssertionError(instance + " still scores with model " + current + " five seconds after model " + version + " was activated on the other instance");
  }

  private static JsonObject awaitFirstProgress(long job, Duration limit) {
    Instant until = Instant.now().plus(limit);
    while (true) {
      JsonObject state = Api.get("/api/jobs/" + job, "Authorization", admin()).json();
      if (state.getJsonNumber("progress").doubleValue() > 0 || !Set.of("queued", "running").contains(state.getString("state"))) {
        return state;
      }
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("job " + job + " made no progress in " + limit + ": " + state);
      }
      Polling.pause(Duration.ofMillis(100));
    }
  }

  private static List<Long> modelsOf(long dataset) {
    return Api.get("/api/models", "Authorization", admin()).jsonArray().getValuesAs(JsonObject.class).stream()
        .filter(m -> m.getJsonNumber("dataset_id").longValue() == dataset)
        .map(m -> m.getJsonNumber("id").longValue())
        .toList();
  }

  /** Files in a models/ backup folder that are not the copy of a registered model. */
  private static Set<String> unregisteredBackupFiles(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return Set.of();
    }
    Set<String> registered =
        Api.get("/api/models", "Authorization", admin()).jsonArray().getValuesAs(JsonObject.class).stream()
            .map(m -> "model-" + m.getJsonNumber("id") + "-" + m.getString("algorithm") + ".model")
            .collect(Collectors.toSet());
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(f -> f.getFileName().toString()).filter(f -> !registered.contains(f)).collect(Collectors.toSet());
    }
  }

  private static void awaitFile(Path folder, String name, Duration limit) {
    Instant until = Instant.now().plus(limit);
    while (!Files.exists(folder.resolve(name))) {
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("no " + name + " in " + folder + " after " + limit);
      }
      Polling.pause(Duration.ofMillis(200));
    }
  }
}
