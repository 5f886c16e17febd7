package com.creditscoring.scoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.scoring.control.ApplicationForm.ExtraFields;
import com.creditscoring.scoring.control.Contributions.Contribution;
import com.creditscoring.scoring.control.Contributions.Explanation;
import com.creditscoring.scoring.control.ReasonCodes.Reason;
import com.creditscoring.testing.Applicants;
import com.creditscoring.testing.TrainedModels;
import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;
import weka.core.Instance;

class ContributionsTest {

  private static Instance applicant(LoadedModel model, JsonObject fields) {
    var reading = ApplicationForm.read(fields, model, ExtraFields.REJECT);
    assertTrue(reading.valid(), reading.errors()::toString);
    return reading.applicant().instance();
  }

  private static double sum(Explanation e) {
    return e.contributions().stream().mapToDouble(Contribution::contribution).sum();
  }

  @Test
  void logisticContributionsAddUpToTheModelsLogit() {
    LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);
    for (boolean risky : new boolean[] {true, false}) {
      Instance instance = applicant(model, Applicants.seedRequest(risky).build());
      Explanation explanation = Contributions.of(model, instance, 1);
      double logit = Contributions.logit(model.probabilityOfDefault(instance));
      assertEquals(logit, explanation.logit(), 1e-9);
      assertEquals(logit, explanation.baseLogit() + sum(explanation), 1e-9);
      assertTrue(explanation.method().startsWith("exact"), explanation::method);
    }
  }

  @Test
  void logisticContributionIsTheFieldsOwnChangeInLogOdds() {
    LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);
    Instance risky = applicant(model, Applicants.seedRequest(true).build());
    Explanation explanation = Contributions.of(model, risky, 1);
    for (Contribution c : explanation.contributions()) {
      // Only this field differs from the typical applicant: its contribution is the whole change.
      Instance alone = applicant(model, typicalWith(model, c.field(), c.value()));
      double change = Contributions.logit(model.probabilityOfDefault(alone)) - explanation.baseLogit();
      assertEquals(change, c.contribution(), 1e-6, c.field());
    }
  }

  @Test
  void forestContributionsAddUpAndAreReproducible() {
    LoadedModel model = TrainedModels.onDemoData(Learner.RANDOM_FOREST);
    Instance instance = applicant(model, Applicants.seedRequest(true).build());
    Explanation first = Contributions.of(model, instance, 16);
    assertEquals(Contributions.logit(model.probabilityOfDefault(instance)), first.baseLogit() + sum(first), 1e-9);
    assertEquals(first, Contributions.of(model, instance, 16));
    assertEquals(16, first.walks());
    assertTrue(first.method().contains("sampling"), first::method);
  }

  @Test
  void boostedTreeContributionsAreExactAndAddUpToTheModelsLogit() {
    LoadedModel model = TrainedModels.onDemoData(Learner.BOOSTED_TREES);
    for (boolean risky : new boolean[] {true, false}) {
      Instance instance = applicant(model, Applicants.seedRequest(risky).build());
      Explanation explanation = Contributions.of(model, instance, 16);
      assertEquals(Contributions.logit(model.probabilityOfDefault(instance)), explanation.logit(), 1e-9);
      assertEquals(explanation.logit(), explanation.baseLogit() + sum(explanation), 1e-9);
      assertTrue(explanation.method().startsWith("exact"), explanation::method);
      assertEquals(1, explanation.walks());
    }
  }

  @Test
  void reasonsFollowTheFieldThatDrivesTheRisk() {
    LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);
    JsonObject burdened = Applicants.seedRequest(false).add("loan_percent_income", 0.6).add("loan_amnt", 57_000).build();
    List<String> codes = codes(model, burdened);
    assertTrue(codes.contains("LOAN_PERCENT_INCOME_HIGH"), codes::toString);

    JsonObject badGrade = Applicants.seedRequest(false).add("loan_grade", "G").build();
    List<String> gradeCodes = codes(model, badGrade);
    assertEquals("LOAN_GRADE", gradeCodes.get(0), gradeCodes::toString);
    assertFalse(gradeCodes.contains("LOAN_PERCENT_INCOME_HIGH"), gradeCodes::toString);
    assertNotEquals(codes, gradeCodes);
  }

  @Test
  void reasonTextsComeInRussianToo() {
    LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);
    Instance instance = applicant(model, Applicants.seedRequest(false).add("loan_grade", "G").build());
    List<Contribution> contributions = Contributions.of(model, instance, 1).contributions();
    Object commonest = model.schema().stream().filter(f -> f.name().equals("loan_grade")).findFirst().orElseThrow().typical();
    assertEquals("Loan grade: G (most common: " + commonest + ")", ReasonCodes.of(contributions, Language.EN).get(0).text());
    assertEquals("Класс кредита: G (чаще всего: " + commonest + ")", ReasonCodes.of(contributions, Language.RU).get(0).text());
  }

  @Test
  void aSafeApplicantHasFewOrNoAdverseReasons() {
    LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);
    Instance safe = applicant(model, Applicants.seedRequest(false).build());
    List<Reason> reasons = ReasonCodes.of(Contributions.of(model, safe, 1).contributions(), Language.EN);
    assertTrue(reasons.size() <= ReasonCodes.MAX_REASONS);
    reasons.forEach(r -> assertTrue(r.contribution() > 0, r::toString));
  }

  private static List<String> codes(LoadedModel model, JsonObject fields) {
    return ReasonCodes.of(Contributions.of(model, applicant(model, fields), 1).contributions(), Language.EN).stream().map(Reason::code).toList();
  }

  /** The typical applicant with one field set to the given value. */
  private static JsonObject typicalWith(LoadedModel model, String field, Object value) {
    var builder = jakarta.json.Json.createObjectBuilder();
    model.schema().forEach(
        f -> {
          Object v = f.name().equals(field) ? value : f.typical();
          if (v instanceof Number n) {
            builder.add(f.name(), n.doubleValue());
          } else {
            builder.add(f.name(), (String) v);
          }
        });
    return builder.build();
  }
}
