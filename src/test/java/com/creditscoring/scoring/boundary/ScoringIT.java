package com.creditscoring.scoring.boundary;

import static com.creditscoring.testing.Accounts.bearer;
import static com.creditscoring.testing.Problems.assertProblem;
import static com.creditscoring.testing.Problems.badFields;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import com.creditscoring.testing.Applicants;
import com.creditscoring.testing.LockstepUpload;
import com.creditscoring.testing.Models;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Scoring on a new installation: first without a model, then with logistic and boosted models on the demo data. Ordered. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScoringIT {

  private static long logistic;

  @Deployment(testable = false)
  static WebArchive war() {
    return Api.builtWar(ScoringIT.class);
  }

  private static Api.Reply post(String path, String role, String json, String... headers) {
    List<String> all = new ArrayList<>(List.of("Authorization", bearer(Accounts.tokenFor(role))));
    all.addAll(List.of(headers));
    return Api.postJson(path, json, all.toArray(String[]::new));
  }

  private static Api.Reply predict(JsonObject application) {
    return post("/api/predict", "user", application.toString());
  }

  /** Decisions in the audit trail, as an analyst sees them. */
  private static int recorded() {
    return Api.get("/api/predictions?size=1", "Authorization", bearer(Accounts.tokenFor("analyst"))).json().getInt("total");
  }

  @Test
  @Order(1)
  void withoutAnActiveModelPredictSays503AndHowToTrainOne() {
    JsonObject problem = assertProblem(predict(Applicants.seedRequest(false).build()), 503);
    assertTrue(problem.getString("detail").contains("/api/train-final"), problem::toString);
  }

  @Test
  @Order(2)
  void theSeedsLoanRequestGetsTheSeedsFieldsPlusScoreBandReasonsAndIds() {
    logistic = Models.trainedOnDemoData("logistic", "{\"folds\":3}");
    Models.activate(logistic);
    Api.Reply answer = predict(Applicants.seedRequest(true).build());
    assertEquals(200, answer.status(), answer::toString);
    JsonObject body = answer.json();
    assertTrue(Set.of(0, 1).contains(body.getInt("prediction")), body::toString);
    assertTrue(Set.of("approved", "review", "declined").contains(body.getString("status")), body::toString);
    assertTrue(Set.of("approve", "review", "decline").contains(body.getString("decision")), body::toString);
    double repaid = body.getJsonNumber("probability_repaid").doubleValue();
    double defaulted = body.getJsonNumber("probability_default").doubleValue();
    assertEquals(1.0, repaid + defaulted, 1e-9);
    assertEquals(JsonValue.ValueType.NUMBER, body.get("score").getValueType());
    assertTrue(body.getJsonNumber("score").isIntegral(), body::toString);
    assertTrue(body.getString("risk_band").matches("[A-F]"), body::toString);
    assertEquals(logistic, body.getJsonNumber("model_version").longValue());
    assertTrue(body.getJsonNumber("prediction_id").longValue() > 0);
    assertFalse(body.getJsonArray("reasons").isEmpty(), "a risky applicant has adverse reasons: " + body);
    JsonObject reason = body.getJsonArray("reasons").getJsonObject(0);
    assertFalse(reason.getString("code").isBlank());
    assertFalse(reason.getString("text").isBlank());

    JsonObject safe = predict(Applicants.seedRequest(false).build()).json();
    assertTrue(safe.getJsonNumber("probability_default").doubleValue() < defaulted, "the safe applicant is safer");
    assertTrue(safe.getInt("score") > body.getInt("score"), "and scores higher");
  }

  @Test
  @Order(3)
  void everyBadFieldIsNamedInOne422AndNothingIsRecorded() {
    int before = recorded();
    JsonObject application =
        Applicants.seedRequest(false).add("person_age", 150).add("loan_grade", "Z").add("loan_amnt", "lots").remove("loan_intent").add("extra", 1).build();
    JsonObject problem = assertProblem(predict(application), 422);
    assertEquals(Set.of("person_age", "loan_grade", "loan_amnt", "loan_intent", "extra"), badFields(problem));
    String grade = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
        .filter(e -> e.getString("field").equals("loan_grade")).findFirst().orElseThrow().getString("message");
    assertTrue(grade.contains("[A, B, C, D, E, F, G]"), grade);
    assertProblem(Api.postJson("/api/predict", "[1,2]", "Authorization", bearer(Accounts.tokenFor("user"))), 400);
    assertProblem(Api.postJson("/api/predict", "{\"person_age\":", "Authorization", bearer(Accounts.tokenFor("user"))), 400);
    // A valid application with more after it, a bare value, or JSON nested past the parser's limit:
    // each a 400, none decided (they were a 200, a 500 and a 500).
    String seed = Applicants.seedRequest(false).build().toString();
    for (String body : new String[] {seed + "xyz", seed + seed, "42", "null", "[".repeat(5000) + "]".repeat(5000)}) {
      for (String path : new String[] {"/api/predict", "/api/explain", "/api/predict/batch"}) {
        assertProblem(post(path, "user", body), 400);
      }
    }
    assertEquals(before, recorded());
  }

  @Test
  @Order(4)
  void everyDecisionIsInTheAuditTrailWithItsInputAndOutputs() {
    int before = recorded();
    JsonObject answer = predict(Applicants.seedRequest(true).build()).json();
    assertEquals(before + 1, recorded());
    JsonObject row =
        Api.get("/api/predictions/" + answer.getJsonNumber("prediction_id"), "Authorization", bearer(Accounts.tokenFor("analyst"))).json();
    assertEquals(Accounts.username("user"), row.getString("created_by"));
    assertEquals("single", row.getString("channel"));
    assertEquals(logistic, row.getJsonNumber("model_version").longValue());
    assertEquals("E", row.getJsonObject("input").getString("loan_grade"));
    assertEquals(answer.getJsonNumber("probability_default").doubleValue(), row.getJsonNumber("probability_default").doubleValue(), 1e-12);
    assertEquals(answer.getString("decision"), row.getString("decision"));
    assertEquals(answer.getJsonArray("reasons").size(), row.getJsonArray("reasons").size());
    assertFalse(row.getString("request_id").isBlank());
  }

  @Test
  @Order(5)
  void explainContributionsAddUpToTheLogisticModelsLogitWithAChartAndASummaryInTheAskedLanguageAndAnUnreadableLanguageIsA400() {
    Api.Reply answer = post("/api/explain", "user", Applicants.seedRequest(true).build().toString(), "Accept-Language", "ru-RU,ru;q=0.9,en;q=0.5");
    assertEquals(200, answer.status(), answer::toString);
    JsonObject body = answer.json();
    double p = body.getJsonNumber("probability_default").doubleValue();
    double sum = body.getJsonArray("contributions").getValuesAs(JsonObject.class).stream()
        .mapToDouble(c -> c.getJsonNumber("contribution").doubleValue()).sum();
    assertEquals(Math.log(p / (1 - p)), body.getJsonNumber("base_logit").doubleValue() + sum, 1e-6);
    assertEquals(11, body.getJsonArray("contributions").size());
    assertEquals(5, body.getJsonArray("top").size());
    body.getJsonArray("top").getValuesAs(JsonObject.class).forEach(c -> assertTrue(Set.of("raises_risk", "lowers_risk").contains(c.getString("direction")), c::toString));
    assertTrue(body.getString("method").startsWith("exact"), body::toString);
    assertTrue(body.getString("summary").startsWith("Вероятность дефолта"), body::toString);
    byte[] png = Base64.getDecoder().decode(body.getString("chart_png"));
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, java.util.Arrays.copyOf(png, 4));

    JsonObject english = post("/api/explain?lang=en", "user", Applicants.seedRequest(true).build().toString(), "Accept-Language", "ru").json();
    assertTrue(english.getString("summary").startsWith("Probability of default"), english::toString);

    JsonObject german = assertProblem(post("/api/explain?lang=de", "user", Applicants.seedRequest(true).build().toString()), 422);
    assertEquals(Set.of("lang"), badFields(german), german::toString);

    int before = recorded();
    JsonObject unreadable = assertProblem(post("/api/explain", "user", Applicants.seedRequest(true).build().toString(), "Accept-Language", "ru;q=abc"), 400);
    assertEquals(Set.of("Accept-Language"), badFields(unreadable), unreadable::toString);
    assertEquals(before, recorded(), "a request refused for its header decides nothing");
  }

  @Test
  @Order(6)
  void aBatchDecidesEachValidRecordAndNamesEachInvalidOnesErrors() {
    int before = recorded();
    String batch =
        Json.createArrayBuilder()
            .add(Applicants.seedRequest(false))
            .add(Applicants.seedRequest(true).add("loan_grade", "Z"))
            .add(Applicants.seedRequest(true))
            .add(42)
            .build()
            .toString();
    Api.Reply answer = post("/api/predict/batch", "analyst", batch);
    assertEquals(200, answer.status(), answer::toString);
    JsonObject body = answer.json();
    assertEquals(2, body.getInt("scored"));
    assertEquals(2, body.getInt("rejected"));
    List<JsonObject> results = body.getJsonArray("results").getValuesAs(JsonObject.class);
    assertTrue(results.get(0).getJsonObject("result").getJsonNumber("prediction_id").longValue() > 0);
    assertEquals("[1].loan_grade", results.get(1).getJsonArray("errors").getJsonObject(0).getString("field"));
    assertFalse(results.get(1).containsKey("result"), results.get(1)::toString);
    assertEquals("[3]", results.get(3).getJsonArray("errors").getJsonObject(0).getString("field"));
    assertEquals(before + 2, recorded());
    assertEquals(2, Api.get("/api/predictions?size=5&from=2000-01-01T00:00:00Z", "Authorization", bearer(Accounts.tokenFor("analyst")))
        .json().getJsonArray("items").getValuesAs(JsonObject.class).stream().filter(r -> r.getString("channel").equals("batch")).count());
  }

  @Test
  @Order(7)
  void aBatchOverTheLimitIs413() {
    JsonArrayBuilder records = Json.createArrayBuilder();
    for (int i = 0; i < 10_001; i++) {
      records.add(JsonValue.EMPTY_JSON_OBJECT);
    }
    assertProblem(post("/api/predict/batch", "user", records.build().toString()), 413);
  }

  @Test
  @Order(8)
  void csvInCsvOutWithAnErrorColumnPerRow() {
    int before = recorded();
    String csv =
        "person_age,person_income,person_home_ownership,person_emp_length,loan_intent,loan_grade,loan_amnt,loan_int_rate,"
            + "loan_percent_income,cb_person_default_on_file,cb_person_cred_hist_length\n"
            + "41,95000,MORTGAGE,12,HOMEIMPROVEMENT,A,5000,7.1,0.05,N,15\n"
            + "23,18000,RENT,0,MEDICAL,Z,9000,17.5,0.5,Y,2\n"
            + "23,18000,RENT,,MEDICAL,E,9000,,0.5,Y,2\n";
    Api.Reply answer = Api.post("/api/predict/csv", "text/csv", csv, "Authorization", bearer(Accounts.tokenFor("user")));
    assertEquals(200, answer.status(), answer::toString);
    assertTrue(answer.contentType().startsWith("text/csv"), answer::toString);
    String[] lines = answer.body().split("\r\n");
    assertEquals(4, lines.length, answer::toString);
    assertTrue(lines[0].endsWith("row,prediction_id,probability_default,score,decision,risk_band,reason_codes,error"), lines[0]);
    assertTrue(lines[1].matches(".*,1,\\d+,0\\.\\d+,\\d+,(approve|review|decline),[A-F],[A-Z_;]*,$"), lines[1]);
    assertTrue(lines[2].contains("loan_grade: must be one of"), lines[2]);
    // Employment length and rate were missing in the seed's data: the model imputes them.
    assertTrue(lines[3].matches(".*,3,\\d+,0\\.\\d+,\\d+,(approve|review|decline),[A-F],[A-Z_;]*,$"), lines[3]);
    assertEquals(before + 2, recorded());

    JsonObject problem =
        assertProblem(Api.post("/api/predict/csv", "text/csv", "person_age,colour\n30,red\n", "Authorization", bearer(Accounts.tokenFor("user"))), 422);
    assertTrue(badFields(problem).containsAll(Set.of("colour", "loan_grade", "person_income")), problem::toString);
  }

  @Test
  @Order(8)
  void aCsvWhoseHeaderCannotBeUsedIsA422NamingWhy() {
    String user = bearer(Accounts.tokenFor("user"));
    assertEquals(Set.of("person_age"), badFields(assertProblem(
        Api.post("/api/predict/csv", "text/csv", SEED_HEADER + ",person_age\n" + applicantRow(1) + ",30\n", "Authorization", user), 422)));
    assertTrue(badFields(assertProblem(Api.post("/api/predict/csv", "text/csv", SEED_HEADER + ",\n" + applicantRow(1) + ",\n", "Authorization", user), 422))
        .equals(Set.of("header")));
    assertTrue(badFields(assertProblem(Api.post("/api/predict/csv", "text/csv", "   \n", "Authorization", user), 422)).contains("header"));
  }

  @Test
  @Order(8)
  void aCsvSavedByExcelIsScoredAndOneInAnotherEncodingIsA422NamingTheEncoding() {
    String user = bearer(Accounts.tokenFor("user"));
    int before = recorded();
    // Excel's "CSV UTF-8" starts with a byte order mark; read as text it would prefix the first column's name.
    byte[] text = (SEED_HEADER + "\n" + applicantRow(1) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] fromExcel = new byte[text.length + 3];
    fromExcel[0] = (byte) 0xEF;
    fromExcel[1] = (byte) 0xBB;
    fromExcel[2] = (byte) 0xBF;
    System.arraycopy(text, 0, fromExcel, 3, text.length);
    Api.Reply answer = Api.postChunked("/api/predict/csv", "text/csv", fromExcel, "Authorization", user);
    assertEquals(200, answer.status(), answer::toString);
    String[] lines = answer.body().split("\r\n");
    assertEquals(2, lines.length, answer::toString);
    assertTrue(lines[0].startsWith("person_age,"), lines[0]);
    assertTrue(lines[1].matches(".*,1,\\d+,0\\.\\d+(E-\\d+)?,\\d+,(approve|review|decline),[A-F],[A-Z_;]*,$"), lines[1]);
    assertEquals(before + 1, recorded());

    // A Russian Excel's plain "CSV" is Windows-1251: the file is refused for its encoding, not its
    // rows for letters read as U+FFFD, and nothing is scored.
    byte[] windows1251 = (SEED_HEADER + "\n" + applicantRow(1) + "\n" + applicantRow(3).replace("RENT", "АРЕНДА") + "\n").getBytes(Charset.forName("windows-1251"));
    JsonObject problem = assertProblem(Api.postChunked("/api/predict/csv", "text/csv", windows1251, "Authorization", user), 422);
    assertEquals(Set.of("file"), badFields(problem), problem::toString);
    assertTrue(problem.toString().contains("not UTF-8"), problem::toString);
    assertEquals(before + 1, recorded());
  }

  @Test
  @Order(8)
  void theMetricsCountEachAuditCommitAndTheDecisionsItStored() {
    String user = bearer(Accounts.tokenFor("user"));
    double commits = metric("audit_commit_decisions_count");
    double decisions = metric("audit_commit_decisions_sum");
    for (int i = 0; i < 3; i++) {
      Api.Reply decided = Api.postJson("/api/predict", Applicants.seedRequest(true).build().toString(), "Authorization", user);
      assertEquals(200, decided.status(), decided::toString);
    }
    Api.Reply csv = Api.post("/api/predict/csv", "text/csv", SEED_HEADER + "\n" + applicantRow(1) + "\n" + applicantRow(2) + "\n", "Authorization", user);
    assertEquals(200, csv.status(), csv::toString);

    // Nothing else decides meanwhile, so each request is a commit of its own: three of one
    // decision, and the CSV's one chunk of two.
    assertEquals(commits + 4, metric("audit_commit_decisions_count"));
    assertEquals(decisions + 5, metric("audit_commit_decisions_sum"));
  }

  /** A series of the server's application metrics in Prometheus text, 0 until it is first written. */
  private static double metric(String series) {
    Api.Reply metrics = Api.get("/metrics?scope=application");
    assertEquals(200, metrics.status(), metrics::toString);
    Matcher line = Pattern.compile("^" + series + "(\\{[^}]*\\})? (\\S+)$", Pattern.MULTILINE).matcher(metrics.body());
    return line.find() ? Double.parseDouble(line.group(2)) : 0;
  }

  @Test
  @Order(8)
  void aCsvRowThatCannotBeParsedEndsTheAnswerWithARowSayingWhy() {
    String csv = SEED_HEADER + "\n" + applicantRow(1) + "\n\"" + applicantRow(2) + "\n";
    Api.Reply answer = Api.post("/api/predict/csv", "text/csv", csv, "Authorization", bearer(Accounts.tokenFor("user")));
    assertEquals(200, answer.status(), answer::toString);
    String[] lines = answer.body().split("\r\n");
    assertEquals(3, lines.length, answer::toString);
    assertTrue(lines[1].matches(".*,1,\\d+,0\\.\\d+(E-\\d+)?,\\d+,(approve|review|decline),[A-F],[A-Z_;]*,$"), lines[1]);
    assertTrue(lines[2].contains(",2,,,,,,,") && lines[2].contains("row 2 cannot be read as CSV"), lines[2]);
  }

  @Test
  @Order(9)
  void usersSeeOnlyTheirOwnDecisionsAndAnalystsFilterAll() {
    long others = post("/api/predict", "analyst", Applicants.seedRequest(false).build().toString()).json().getJsonNumber("prediction_id").longValue();
    assertProblem(Api.get("/api/predictions/" + others, "Authorization", bearer(Accounts.tokenFor("user"))), 404);
    assertEquals(200, Api.get("/api/predictions/" + others, "Authorization", bearer(Accounts.tokenFor("admin"))).status());
    assertProblem(Api.get("/api/predictions/" + others), 401);
    JsonObject mine = Api.get("/api/predictions?size=500", "Authorization", bearer(Accounts.tokenFor("user"))).json();
    mine.getJsonArray("items").getValuesAs(JsonObject.class).forEach(r -> assertEquals(Accounts.username("user"), r.getString("created_by")));
    JsonObject theirs = Api.get("/api/predictions?user=" + Accounts.username("analyst"), "Authorization", bearer(Accounts.tokenFor("admin"))).json();
    assertTrue(theirs.getInt("total") >= 3, theirs::toString);
    JsonObject declined = Api.get("/api/predictions?decision=decline&model_version=" + logistic, "Authorization", bearer(Accounts.tokenFor("admin"))).json();
    declined.getJsonArray("items").getValuesAs(JsonObject.class).forEach(r -> assertEquals("decline", r.getString("decision")));
    JsonObject none = Api.get("/api/predictions?to=2000-01-01T00:00:00Z", "Authorization", bearer(Accounts.tokenFor("admin"))).json();
    assertEquals(0, none.getInt("total"));
    assertEquals(Set.of("decision", "model_version", "size", "from"), badFields(assertProblem(
        Api.get("/api/predictions?decision=maybe&model_version=x&size=0&from=today", "Authorization", bearer(Accounts.tokenFor("admin"))), 422)));
    // The first row of page × size must fit the query: past it is a 422, not an overflow and a 500.
    assertEquals(Set.of("page"), badFields(assertProblem(
        Api.get("/api/predictions?page=5000000&size=500", "Authorization", bearer(Accounts.tokenFor("admin"))), 422)));
    assertEquals(Set.of("to"), badFields(assertProblem(
        Api.get("/api/predictions?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z", "Authorization", bearer(Accounts.tokenFor("admin"))), 422)));
  }

  @Test
  @Order(10)
  void activatingAnotherModelSwitchesScoringWithoutARestart() {
    long boosted = Models.trainedOnDemoData("boosted_trees", "{\"folds\":3,\"iterations\":40}");
    Models.activate(boosted);
    JsonObject answer = predict(Applicants.seedRequest(true).build()).json();
    assertEquals(boosted, answer.getJsonNumber("model_version").longValue());
    JsonObject explained = post("/api/explain", "user", Applicants.seedRequest(true).build().toString()).json();
    assertTrue(explained.getString("method").contains("read off the boosted trees' paths"), explained::toString);
    Models.activate(logistic);
    assertEquals(logistic, predict(Applicants.seedRequest(true).build()).json().getJsonNumber("model_version").longValue());
  }

  @Test
  @Order(11)
  void concurrentRequestsGetTheSameScoresAsSequentialOnes() throws Exception {
    List<JsonObject> applicants = new ArrayList<>();
    for (int i = 0; i < 64; i++) {
      applicants.add(
          Applicants.seedRequest(i % 2 == 0).add("person_age", 20 + i).add("loan_int_rate", 5 + i / 4.0).add("loan_grade", "ABCDEFG".substring(i % 7, i % 7 + 1)).build());
    }
    double[] sequential = applicants.stream().mapToDouble(a -> probability(predict(a))).toArray();
    ExecutorService clients = Executors.newFixedThreadPool(16);
    try {
      List<Future<Double>> answers = new ArrayList<>();
      for (int round = 0; round < 4; round++) {
        for (JsonObject applicant : applicants) {
          answers.add(clients.submit(() -> probability(predict(applicant))));
        }
      }
      for (int i = 0; i < answers.size(); i++) {
        assertEquals(sequential[i % applicants.size()], answers.get(i).get(), 0.0, "applicant " + (i % applicants.size()));
      }
    } finally {
      clients.shutdownNow();
    }
    assertNotEquals(sequential[0], sequential[1]);
  }

  @Test
  @Order(12)
  void concurrentRequestsOfDifferentUsersAreEachRecordedUnderTheirCallerAndRequest() throws Exception {
    List<String> roles = List.of("user", "analyst", "admin");
    ExecutorService clients = Executors.newFixedThreadPool(12);
    try {
      List<Future<Api.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 60; i++) {
        String role = roles.get(i % roles.size());
        replies.add(clients.submit(() -> post("/api/predict", role, Applicants.seedRequest(true).build().toString())));
      }
      for (int i = 0; i < replies.size(); i++) {
        Api.Reply reply = replies.get(i).get();
        assertEquals(200, reply.status(), reply::toString);
        long id = reply.json().getJsonNumber("prediction_id").longValue();
        JsonObject recorded = Api.get("/api/predictions/" + id, "Authorization", bearer(Accounts.tokenFor("admin"))).json();
        assertEquals(Accounts.username(roles.get(i % roles.size())), recorded.getString("created_by"), recorded::toString);
        assertEquals(reply.header("X-Request-Id"), recorded.getString("request_id"), recorded::toString);
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private static double probability(Api.Reply reply) {
    assertEquals(200, reply.status(), reply::toString);
    return ((JsonNumber) reply.json().get("probability_default")).doubleValue();
  }

  static final String SEED_HEADER =
      "person_age,person_income,person_home_ownership,person_emp_length,loan_intent,loan_grade,loan_amnt,loan_int_rate,"
          + "loan_percent_income,cb_person_default_on_file,cb_person_cred_hist_length";

  /** Applicant number i of a large, varied file. */
  static String applicantRow(long i) {
    long income = 20_000 + (i * 37) % 200_000;
    long amount = 1_000 + (i * 13) % 30_000;
    double share = Math.min(1.0, Math.round(100.0 * amount / income) / 100.0);
    return (20 + i % 60) + "," + income + "," + List.of("RENT", "OWN", "MORTGAGE").get((int) (i % 3)) + "," + (i % 20) + ","
        + List.of("DEBTCONSOLIDATION", "EDUCATION", "HOMEIMPROVEMENT", "MEDICAL", "PERSONAL", "VENTURE").get((int) (i % 6)) + ","
        + "ABCDEFG".charAt((int) (i % 7)) + "," + amount + "," + (6 + i % 15) + "," + share + "," + (i % 5 == 0 ? "Y" : "N") + "," + (2 + i % 20);
  }

  @Test
  @Order(12)
  void aMillionCsvRowsStreamThroughWithoutTheServerHoldingThem() throws Exception {
    int before = recorded();
    long rows = Long.getLong("it.csv.rows", 1_000_000);
    int window = 20_000;
    LockstepUpload.Result result =
        LockstepUpload.exchange(
            "/api/predict/csv", "text/csv", bearer(Accounts.tokenFor("analyst")), SEED_HEADER, ScoringIT::applicantRow, rows, window, Duration.ofSeconds(120));
    assertEquals(200, result.status(), result::toString);
    assertEquals(rows, result.linesReceived(), result::toString);
    assertTrue(result.mostAhead() <= window, result::toString);
    assertTrue(result.firstLines().split("\n")[1].matches(".*,1,\\d+,0\\.\\d+(E-\\d+)?,\\d+,(approve|review|decline),[A-F],[A-Z_;]*,"), result::toString);
    assertEquals(before + rows, recorded());
  }
}
