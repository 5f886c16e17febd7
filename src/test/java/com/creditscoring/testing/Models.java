package com.creditscoring.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** Datasets and models made through the API for tests that need one. */
public final class Models {

  private static Long tinyModel;
  private static Long tinyJob;

  private Models() {}

  static synchronized void forget() {
    tinyModel = null;
    tinyJob = null;
  }

  /** Applicants whose risk grows with the grade, so every learner has something to learn. */
  public static String tinyCsv(int rows) {
    Random random = new Random(rows);
    StringBuilder csv = new StringBuilder("age,grade,y\n");
    for (int i = 0; i < rows; i++) {
      int grade = random.nextInt(3);
      boolean bad = random.nextDouble() < 0.15 + 0.3 * grade;
      csv.append(20 + random.nextInt(50)).append(',').append("ABC".charAt(grade)).append(',').append(bad ? 1 : 0).append('\n');
    }
    return csv.toString();
  }

  public static long upload(String name, String csv) {
    Api.Reply created =
        Api.post("/api/datasets?name=" + name + "&target=y", "text/csv", csv, "Authorization", Accounts.bearer(Accounts.adminToken()));
    assertEquals(201, created.status(), created::toString);
    return created.json().getJsonNumber("id").longValue();
  }

  public static String trainingRequestOnAFreshDataset() {
    return "{\"dataset\":" + upload("fresh", tinyCsv(40)) + ",\"algorithm\":\"logistic\"}";
  }

  /** Submits a training and returns its job id. */
  public static long submit(String json) {
    Api.Reply accepted = Api.postJson("/api/models", json, "Authorization", Accounts.bearer(Accounts.adminToken()));
    assertEquals(202, accepted.status(), accepted::toString);
    return accepted.json().getJsonNumber("id").longValue();
  }

  /** Follows a job until it ends. */
  public static JsonObject awaitJob(long job, Duration limit) {
    return awaitJob(Api::get, job, limit);
  }

  /** Follows a job until it ends, asking another server (any instance on the database knows it). */
  public static JsonObject awaitJob(SecondServer server, long job, Duration limit) {
    return awaitJob(server::get, job, limit);
  }

  private interface Getter {
    Api.Reply get(String path, String... headers);
  }

  private static JsonObject awaitJob(Getter server, long job, Duration limit) {
    Instant until = Instant.now().plus(limit);
    while (true) {
      JsonObject state = server.get("/api/jobs/" + job, "Authorization", Accounts.bearer(Accounts.adminToken())).json();
      String value = state.getString("state");
      if (!value.equals("queued") && !value.equals("running")) {
        return state;
      }
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("job " + job + " still " + value + " after " + limit);
      }
      Polling.pause(Duration.ofMillis(200));
    }
  }

  /** A logistic model trained on a tiny dataset, made once per deployment. */
  public static synchronized long tinyModel() {
    if (tinyModel == null) {
      tinyJob = submit("{\"dataset\":" + upload("tiny", tinyCsv(40)) + ",\"algorithm\":\"logistic\"}");
      JsonObject done = awaitJob(tinyJob, Duration.ofMinutes(2));
      assertEquals("succeeded", done.getString("state"), done::toString);
      tinyModel = done.getJsonNumber("model_id").longValue();
    }
    return tinyModel;
  }

  public static synchronized long tinyJob() {
    tinyModel();
    return tinyJob;
  }

  /**
   * A job that runs long enough to be cancelled: many short folds, because a job stops at the end
   * of the fold it is in (Weka cannot be interrupted inside one).
   */
  public static long slowJob() {
    long dataset = upload("slow", tinyCsv(3000));
    return submit("{\"dataset\":" + dataset + ",\"algorithm\":\"random_forest\",\"options\":{\"trees\":200,\"folds\":20}}");
  }

  /** The synthetic demo dataset every new installation has, with the seed's columns. */
  public static long demoDataset() {
    jakarta.json.JsonArray page = Api.get("/api/datasets", "Authorization", Accounts.bearer(Accounts.adminToken())).jsonArray();
    return page.getValuesAs(JsonObject.class).stream()
        .filter(d -> d.getString("source").equals("demo"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no demo dataset in " + page))
        .getJsonNumber("id")
        .longValue();
  }

  /** Trains a model (CV folds kept low) on the demo dataset and returns its version, not activated. */
  public static long trainedOnDemoData(String algorithm, String options) {
    JsonObject done = awaitJob(submit("{\"dataset\":" + demoDataset() + ",\"algorithm\":\"" + algorithm + "\",\"options\":" + options + "}"), Duration.ofMinutes(5));
    assertEquals("succeeded", done.getString("state"), done::toString);
    return done.getJsonNumber("model_id").longValue();
  }

  public static void activate(long model) {
    Api.Reply activated = Api.post("/api/models/" + model + "/activate", "application/json", "", "Authorization", Accounts.bearer(Accounts.adminToken()));
    assertEquals(200, activated.status(), activated::toString);
  }
}
