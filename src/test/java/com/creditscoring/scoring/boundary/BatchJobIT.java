package com.creditscoring.scoring.boundary;

import static com.creditscoring.testing.Accounts.bearer;
import static com.creditscoring.testing.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import com.creditscoring.testing.Models;
import com.creditscoring.testing.SecondServer;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Batch scoring jobs (Jakarta Batch): small jobs writing their reasons in the language each was
 * submitted in; a small job end to end, then a large one whose server is killed mid-job (SIGKILL;
 * on PostgreSQL only, see below). A new server on the same database resumes it: every row is
 * scored exactly once. Each deploy starts a new Payara Micro process.
 */
@ExtendWith(ArquillianExtension.class)
class BatchJobIT {

  private static final String APP = "batch";

  @ArquillianResource Deployer deployer;

  @Deployment(name = APP, managed = false, testable = false)
  static WebArchive war() {
    return Api.builtWar(BatchJobIT.class);
  }

  private static String csv(long rows, Set<Long> broken) {
    StringBuilder csv = new StringBuilder(ScoringIT.SEED_HEADER).append('\n');
    for (long i = 0; i < rows; i++) {
      csv.append(broken.contains(i + 1) ? ScoringIT.applicantRow(i).replaceFirst(",[A-G],", ",Z,") : ScoringIT.applicantRow(i)).append('\n');
    }
    return csv.toString();
  }

  /** A 422 before any job is registered. */
  private static void assertUploadRefused(String csv) {
    assertProblem(Api.post("/api/batch-jobs", "text/csv", csv, "Authorization", bearer(Accounts.tokenFor("user"))), 422);
  }

  private static JsonObject submit(String csv, String role) {
    return submit("/api/batch-jobs", csv, "Authorization", bearer(Accounts.tokenFor(role)));
  }

  private static JsonObject submit(String path, String csv, String... headers) {
    Api.Reply accepted = Api.post(path, "text/csv", csv, headers);
    assertEquals(202, accepted.status(), accepted::toString);
    assertTrue(accepted.header("Location").endsWith("/api/batch-jobs/" + accepted.json().getJsonNumber("id")), accepted::toString);
    return accepted.json();
  }

  private static JsonObject state(long job) {
    return Api.get("/api/batch-jobs/" + job, "Authorization", bearer(Accounts.tokenFor("analyst"))).json();
  }

  private static JsonObject awaitSuccess(long job, Duration limit) throws InterruptedException {
    Instant until = Instant.now().plus(limit);
    while (true) {
      JsonObject state = state(job);
      if (!state.getString("state").equals("running")) {
        assertEquals("succeeded", state.getString("state"), state::toString);
        return state;
      }
      if (Instant.now().isAfter(until)) {
        throw new AssertionError("batch job still running after " + limit + ": " + state);
      }
      Thread.sleep(250);
    }
  }

  private static int recorded() {
    return Api.get("/api/predictions?size=1", "Authorization", bearer(Accounts.tokenFor("analyst"))).json().getInt("total");
  }

  /** The job's result file, row by row. */
  private static List<CSVRecord> result(long job) {
    Api.Reply result = Api.get("/api/batch-jobs/" + job + "/result.csv", "Authorization", bearer(Accounts.tokenFor("analyst")));
    assertEquals(200, result.status(), () -> result.body().substring(0, Math.min(500, result.body().length())));
    try {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(result.body())).getRecords();
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** Uploads are kept in the database, where every instance finds them, and nowhere else. */
  private static void assertNoUploadOnDisk() throws IOException {
    Path uploads = Api.dataFolder(BatchJobIT.class).resolve("batch-jobs");
    try (var files = Files.list(uploads)) {
      List<Path> left = files.toList();
      assertTrue(left.isEmpty(), () -> "uploads left in " + uploads + ": " + left);
    }
  }

  /** Checks the result file: every row once, in order, scored or with its error. */
  private static void assertResult(long job, long rows, Set<Long> broken) {
    List<CSVRecord> records = result(job);
    assertEquals(rows, records.size());
    Set<String> predictionIds = new HashSet<>();
    for (int row = 1; row <= rows; row++) {
      CSVRecord record = records.get(row - 1);
      assertEquals(Integer.toString(row), record.get("row"), record::toString);
      if (broken.contains((long) row)) {
        assertTrue(record.get("error").startsWith("loan_grade: must be one of"), record::toString);
      } else {
        assertTrue(record.get("error").isEmpty() && record.get("decision").matches("approve|review|decline"), record::toString);
        assertTrue(predictionIds.add(record.get("prediction_id")), record::toString);
      }
    }
  }

  /**
   * The reason texts of every decision in the job's result file, as its audit trail holds them (the
   * file itself carries only the codes; its prediction_id leads to the recorded decision).
   */
  private static List<String> reasonTexts(long job) {
    List<String> texts = new ArrayList<>();
    String analyst = bearer(Accounts.tokenFor("analyst")); // once: each token is a sign-in
    for (CSVRecord record : result(job)) {
      Api.Reply decision = Api.get("/api/predictions/" + record.get("prediction_id"), "Authorization", analyst);
      assertEquals(200, decision.status(), decision::toString);
      decision.json().getJsonArray("reasons").getValuesAs(JsonObject.class).forEach(reason -> texts.add(reason.getString("text")));
    }
    // Without a reason there would be nothing to check the language of.
    assertFalse(texts.isEmpty(), () -> "job " + job + " gave no reasons");
    return texts;
  }

  private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");

  /** Russian: every text has Cyrillic in it (a field's Russian label); English: none has. */
  private static void assertWrittenIn(String lang, List<String> texts) {
    for (String text : texts) {
      assertEquals(lang.equals("ru"), CYRILLIC.matcher(text).find(), () -> "not in " + lang + ": " + text);
    }
  }

  @Test
  void aJobWritesItsReasonsInTheLanguageItWasSubmittedIn() throws Exception {
    deployer.deploy(APP);
    try {
      Models.activate(Models.trainedOnDemoData("logistic", "{\"folds\":2}"));
      String file = csv(30, Set.of());
      String user = bearer(Accounts.tokenFor("user"));
      long russian = submit("/api/batch-jobs?lang=ru", file, "Authorization", user).getJsonNumber("id").longValue();
      long acceptedRussian = submit("/api/batch-jobs", file, "Authorization", user, "Accept-Language", "ru-RU, en;q=0.5").getJsonNumber("id").longValue();
      long english = submit("/api/batch-jobs", file, "Authorization", user).getJsonNumber("id").longValue();

      assertEquals("ru", awaitSuccess(russian, Duration.ofMinutes(2)).getString("lang"));
      assertEquals("ru", awaitSuccess(acceptedRussian, Duration.ofMinutes(2)).getString("lang"));
      assertEquals("en", awaitSuccess(english, Duration.ofMinutes(2)).getString("lang"));
      assertWrittenIn("ru", reasonTexts(russian));
      assertWrittenIn("ru", reasonTexts(acceptedRussian));
      assertWrittenIn("en", reasonTexts(english));
    } finally {
      deployer.undeploy(APP);
    }
  }

  @Test
  void aJobScoresEveryRowOnceEvenWhenItsServerIsKilledMidway() throws Exception {
    deployer.deploy(APP);
    try {
      Models.activate(Models.trainedOnDemoData("logistic", "{\"folds\":2}"));
      int before = recorded();
      Set<Long> broken = Set.of(3L, 500L, 501L);
      JsonObject small = submit(csv(1_200, broken), "user");
      JsonObject done = awaitSuccess(small.getJsonNumber("id").longValue(), Duration.ofMinutes(2));
      assertEquals(1_200, done.getInt("rows_done"));
      assertEquals(1_197, done.getInt("scored"));
      assertEquals(3, done.getInt("rejected"));
      assertResult(done.getJsonNumber("id").longValue(), 1_200, broken);
      assertNoUploadOnDisk();
      assertEquals(before + 1_197, recorded());
      assertEquals(200, Api.get("/api/batch-jobs/" + done.getJsonNumber("id"), "Authorization", bearer(Accounts.tokenFor("user"))).status());
      assertProblem(Api.get("/api/batch-jobs/" + done.getJsonNumber("id")), 401);
      assertProblem(Api.post("/api/batch-jobs", "text/csv", "person_age,colour\n30,red\n", "Authorization", bearer(Accounts.tokenFor("user"))), 422);
      assertUploadRefused(ScoringIT.SEED_HEADER + ",person_age\n" + ScoringIT.applicantRow(1) + ",30\n");
      assertUploadRefused(ScoringIT.SEED_HEADER + ",\n" + ScoringIT.applicantRow(1) + ",\n");
      assertUploadRefused("   \n");
      assertUploadRefused(ScoringIT.SEED_HEADER + "\n" + ScoringIT.applicantRow(1) + "\n\"" + ScoringIT.applicantRow(2) + "\n");
      assertUploadRefused(ScoringIT.SEED_HEADER + "\n"); // no data rows: a job of nothing is not a job
      JsonObject unknownLanguage =
          assertProblem(Api.post("/api/batch-jobs?lang=xx", "text/csv", csv(2, Set.of()), "Authorization", bearer(Accounts.tokenFor("user"))), 422);
      assertTrue(unknownLanguage.getJsonArray("errors").toString().contains("\"lang\""), unknownLanguage::toString);
      assertProblem(
          Api.send(
              HttpRequest.newBuilder(URI.create(Api.BASE + "/api/batch-jobs"))
                  .header("Content-Type", "text/csv")
                  .header("Authorization", bearer(Accounts.tokenFor("user")))
                  .POST(HttpRequest.BodyPublishers.ofByteArray(
                      (ScoringIT.SEED_HEADER + "\n" + ScoringIT.applicantRow(0).replace("RENT", "R\u00e9NT") + "\n").getBytes(StandardCharsets.ISO_8859_1)))),
          422);
    } catch (RuntimeException | Error e) {
      deployer.undeploy(APP);
      throw e;
    }
    if (!Api.onPostgres()) {
      // H2 2.2.224 failed to reopen its file after the server was killed, and even after an
      // ordinary stop mid-write ("Double mark"): the embedded database is for development, so the
      // crash-and-resume half runs on PostgreSQL only.
      deployer.undeploy(APP);
      return;
    }

    long rows = Long.getLong("it.batch.rows", 300_000);
    int before = recorded();
    long job = submit(csv(rows, Set.of()), "analyst").getJsonNumber("id").longValue();
    Instant until = Instant.now().plus(Duration.ofMinutes(2));
    JsonObject progress;
    do {
      Thread.sleep(50);
      progress = state(job);
    } while (progress.getInt("rows_done") < 2_000 && Instant.now().isBefore(until));
    assertTrue(progress.getInt("rows_done") < rows, () -> "the job finished before its server could be killed; raise it.batch.rows");
    assertProblem(Api.get("/api/batch-jobs/" + job, "Authorization", bearer(Accounts.tokenFor("user"))), 404);
    assertProblem(Api.get("/api/batch-jobs/" + job + "/result.csv", "Authorization", bearer(Accounts.tokenFor("analyst"))), 409);
    SecondServer.killDeployedServer();
    assertNoUploadOnDisk(); // so the server that resumes the job reads it from the database
    try {
      deployer.undeploy(APP);
    } catch (RuntimeException alreadyDead) {
      // The adapter finds its process gone: that is the point.
    }

    deployer.deploy(APP);
    try {
      JsonObject done = awaitSuccess(job, Duration.ofMinutes(10));
      assertEquals(rows, done.getJsonNumber("rows_done").longValue());
      assertEquals(rows, done.getJsonNumber("scored").longValue(), done::toString);
      assertTrue(done.getInt("attempts") >= 1, done::toString);
      assertEquals(before + rows, recorded());
      assertResult(job, rows, Set.of());
    } finally {
      deployer.undeploy(APP);
    }
  }
}
