package com.creditscoring.feedback.boundary;

import static com.creditscoring.testing.Accounts.bearer;
import static com.creditscoring.testing.Problems.assertProblem;
import static com.creditscoring.testing.Problems.badFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.testing.Accounts;
import com.creditscoring.testing.Api;
import com.creditscoring.testing.Applicants;
import jakarta.json.JsonObject;
import java.util.Set;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/** Reported outcomes and retraining, on the demo dataset of a new installation. Ordered. */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FeedbackIT {

  @Deployment(testable = false)
  static WebArchive war() {
    return Api.builtWar(FeedbackIT.class);
  }

  private static Api.Reply report(String role, boolean risky, int actual) {
    String json = Applicants.seedRequest(risky).add("predicted_status", risky ? 1 : 0).add("actual_status", actual).build().toString();
    return Api.postJson("/api/feedback", json, "Authorization", bearer(Accounts.tokenFor(role)));
  }

  private static Api.Reply retrain() {
    return Api.post("/api/retrain", "application/json", "", "Authorization", bearer(Accounts.tokenFor("analyst")));
  }

  @Test
  @Order(1)
  void retrainWithoutFeedbackIs400() {
    assertProblem(retrain(), 400);
  }

  @Test
  @Order(2)
  void feedbackIsRecordedInTheSeedsShape() {
    Api.Reply recorded = report("user", true, 1);
    assertEquals(200, recorded.status(), recorded::toString);
    assertEquals("success", recorded.json().getString("status"));
    assertTrue(recorded.json().getJsonNumber("id").longValue() > 0);
  }

  @Test
  @Order(3)
  void feedbackThatDoesNotFitTheDataIsRefusedFieldByField() {
    String json = Applicants.seedRequest(false).add("loan_grade", "Z").add("person_age", "old").add("actual_status", 2).add("colour", "red").build().toString();
    JsonObject problem = assertProblem(Api.postJson("/api/feedback", json, "Authorization", bearer(Accounts.tokenFor("user"))), 422);
    assertEquals(Set.of("loan_grade", "person_age", "actual_status", "colour"), badFields(problem));
  }

  @Test
  @Order(4)
  void retrainWithFewerThanFiveRowsIs400() {
    report("user", false, 0);
    report("user", false, 0);
    JsonObject problem = assertProblem(retrain(), 400);
    assertTrue(problem.getString("detail").contains("at least 5"), problem::toString);
  }

  @Test
  @Order(5)
  void usersSeeTheirOwnFeedbackAndAnalystsSeeAll() {
    report("analyst", false, 0);
    int mine = Api.get("/api/feedback", "Authorization", bearer(Accounts.tokenFor("user"))).json().getInt("total");
    int all = Api.get("/api/feedback", "Authorization", bearer(Accounts.tokenFor("analyst"))).json().getInt("total");
    assertEquals(3, mine);
    assertEquals(4, all);
    JsonObject defaults = Api.get("/api/feedback?actual_status=1&size=1", "Authorization", bearer(Accounts.tokenFor("analyst"))).json();
    assertEquals(1, defaults.getInt("total"));
    assertEquals(1, defaults.getJsonArray("items").size());
    assertEquals(Set.of("size", "from"), badFields(assertProblem(
        Api.get("/api/feedback?size=0&from=yesterday", "Authorization", bearer(Accounts.tokenFor("analyst"))), 422)));
    // Not numbers at all: named like every other bad parameter, not JAX-RS's bare 404.
    assertEquals(Set.of("page", "actual_status"), badFields(assertProblem(
        Api.get("/api/feedback?page=first&actual_status=yes", "Authorization", bearer(Accounts.tokenFor("analyst"))), 422)));
    assertEquals(Set.of("actual_status"), badFields(assertProblem(
        Api.get("/api/feedback?actual_status=2", "Accept", "text/csv", "Authorization", bearer(Accounts.tokenFor("analyst"))), 422)));
  }

  @Test
  @Order(6)
  void feedbackExportsAsCsv() {
    Api.Reply csv = Api.get("/api/feedback", "Accept", "text/csv", "Authorization", bearer(Accounts.tokenFor("analyst")));
    assertEquals(200, csv.status(), csv::toString);
    String[] lines = csv.body().split("\r?\n");
    assertTrue(lines[0].startsWith("id,created_at,created_by,dataset_id,model_id,predicted_status,actual_status,"), lines[0]);
    assertTrue(lines[0].contains("loan_grade"), lines[0]);
    assertEquals(5, lines.length);
  }

  @Test
  @Order(7)
  void retrainingLearnsFromTheDatasetPlusFeedbackAndSaysWhetherItActivated() {
    for (int i = 0; i < 6; i++) {
      report("analyst", i % 2 == 0, i % 2 == 0 ? 1 : 0);
    }
    Api.Reply first = retrain();
    assertEquals(200, first.status(), first::toString);
    JsonObject result = first.json();
    assertEquals(10, result.getInt("feedback_rows"));
    assertTrue(result.getBoolean("activated"), "nothing was active: " + result);
    JsonObject dataset = Api.get("/api/datasets/" + result.getJsonNumber("dataset_id"), "Authorization", bearer(Accounts.tokenFor("analyst"))).json();
    assertEquals("derived", dataset.getJsonObject("dataset").getString("source"));
    assertEquals(Api.DEMO_ROWS + 10, dataset.getJsonObject("dataset").getInt("rows"));

    Api.Reply second = retrain();
    assertEquals(200, second.status(), second::toString);
    JsonObject again = second.json();
    boolean notWorse = again.getJsonNumber("auc").doubleValue() >= again.getJsonNumber("previous_auc").doubleValue();
    assertEquals(notWorse, again.getBoolean("activated"), again::toString);
    assertEquals(notWorse ? "activated" : "registered", again.getString("status"));
  }

  @Test
  @Order(8)
  void feedbackOutsideTheRangesScoringAcceptsIsRefusedNamingTheField() {
    // After retraining a model is active, so its ranges apply as they do at POST /api/predict.
    for (String age : new String[] {"1e400", "-1", "1e30"}) {
      String json = Applicants.seedRequest(false).add("person_age", new java.math.BigDecimal(age)).add("predicted_status", 0).add("actual_status", 0).build().toString();
      JsonObject problem = assertProblem(Api.postJson("/api/feedback", json, "Authorization", bearer(Accounts.tokenFor("user"))), 422);
      assertEquals(Set.of("person_age"), badFields(problem), () -> age + ": " + problem);
    }
  }
}
