package com.creditscoring.feedback.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.datasets.control.ColumnSummary;
import com.creditscoring.datasets.control.DemoData;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.testing.Applicants;
import com.creditscoring.testing.TrainedModels;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A report is checked as POST /api/feedback checks it: the dataset's columns, then the active model's ranges. */
class FeedbackLogTest {

  private static final List<ColumnSummary> COLUMNS = ColumnSummary.of(DemoData.generate(200, 3));
  private final LoadedModel model = TrainedModels.onDemoData(Learner.LOGISTIC);

  private Map<String, String> errors(JsonObject report) {
    List<FieldError> errors = new ArrayList<>();
    FeedbackLog.checkedFields(report, COLUMNS, "demo", errors);
    FeedbackLog.checkAgainstTheModel(report, model, errors);
    return errors.stream().collect(Collectors.toMap(FieldError::field, FieldError::message));
  }

  private static JsonObject reportWithAge(BigDecimal age) {
    return Applicants.seedRequest(false).add("person_age", age).add("predicted_status", 0).add("actual_status", 0).build();
  }

  @Test
  void acceptsAPlausibleReport() {
    assertEquals(Map.of(), errors(Applicants.seedRequest(true).add("predicted_status", 1).add("actual_status", 0).build()));
  }

  @Test
  void refusesAnAgeTooLargeToBeANumber() {
    Map<String, String> errors = errors(reportWithAge(new BigDecimal("1e400")));
    assertEquals(1, errors.size(), errors::toString);
    assertEquals("must be a finite number, not 1E+400", errors.get("person_age"));
  }

  @Test
  void refusesAnAgeOutsideTheRangeThatScoringAccepts() {
    for (String age : List.of("-1", "1e30")) {
      Map<String, String> errors = errors(reportWithAge(new BigDecimal(age)));
      assertEquals(1, errors.size(), errors::toString);
      assertTrue(errors.get("person_age").startsWith("must be between 18 and 100"), errors::toString);
    }
  }

  @Test
  void namesEveryBadFieldOnceEach() {
    JsonObject report =
        Applicants.seedRequest(false)
            .add("person_age", new BigDecimal("1e400"))
            .add("person_income", 5)
            .add("loan_percent_income", 3)
            .add("loan_grade", "Z")
            .add("actual_status", 1)
            .build();
    Map<String, String> errors = errors(report);
    assertEquals(List.of("loan_grade", "loan_percent_income", "person_age", "person_income"), errors.keySet().stream().sorted().toList());
  }
}
