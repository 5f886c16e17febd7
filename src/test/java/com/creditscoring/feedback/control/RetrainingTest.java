package com.creditscoring.feedback.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.datasets.control.ColumnSummary;
import com.creditscoring.datasets.control.DemoData;
import com.creditscoring.feedback.entity.Feedback;
import com.creditscoring.problems.Problem;
import com.creditscoring.problems.ProblemException;
import jakarta.json.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import weka.core.Instances;

class RetrainingTest {

  private static Feedback report(int actual, String fields) {
    return new Feedback(1L, null, fields, null, actual, "ann", Instant.now());
  }

  private static List<Feedback> reports(int defaults, int repaid) {
    List<Feedback> all = new ArrayList<>();
    IntStream.range(0, defaults).forEach(i -> all.add(report(1, "{}")));
    IntStream.range(0, repaid).forEach(i -> all.add(report(0, "{}")));
    return all;
  }

  private static String refusal(List<Feedback> reports) {
    ProblemException problem = assertThrows(ProblemException.class, () -> Retraining.checkTheSeedsRules(reports));
    assertEquals(400, problem.problem().status());
    return problem.getMessage();
  }

  @Test
  void refusesWithoutFeedback() {
    assertTrue(refusal(List.of()).contains("no feedback"));
  }

  @Test
  void refusesFewerThanFiveRows() {
    assertTrue(refusal(reports(2, 2)).contains("at least 5"));
  }

  @Test
  void refusesOneSidedFeedback() {
    assertTrue(refusal(reports(1, 19)).contains("one-sided"));
    assertDoesNotThrow(() -> Retraining.checkTheSeedsRules(reports(2, 18)));
  }

  @Test
  void turnsAReportIntoATrainingRowWithItsOutcome() {
    Instances data = DemoData.generate(10, 1);
    var row =
        Retraining.row(
            data,
            report(1, "{\"person_age\":33,\"loan_grade\":\"D\",\"person_home_ownership\":\"RENT\"}"),
            DemoData.DEFAULT);
    row.setDataset(data);
    assertEquals(33, row.value(data.attribute("person_age")), 0);
    assertEquals("D", row.stringValue(data.attribute("loan_grade")));
    assertEquals(DemoData.DEFAULT, row.stringValue(data.classIndex()));
    assertTrue(row.isMissing(data.attribute("loan_amnt")));
  }

  @Test
  void checksReportedFieldsAgainstTheDatasetColumns() {
    Instances data = DemoData.generate(50, 1);
    List<ColumnSummary> columns = ColumnSummary.of(data);
    List<Problem.FieldError> errors = new ArrayList<>();
    var report =
        Json.createObjectBuilder()
            .add("person_age", "old")
            .add("loan_grade", "Z")
            .add("favourite_colour", "blue")
            .add("actual_status", 1)
            .build();
    FeedbackLog.checkedFields(report, columns, "demo", errors);
    List<String> fields = errors.stream().map(Problem.FieldError::field).toList();
    assertTrue(fields.contains("person_age"), fields::toString);
    assertTrue(fields.contains("loan_grade"), fields::toString);
    assertTrue(fields.contains("favourite_colour"), fields::toString);
    assertTrue(fields.contains("person_income"), "a required field left out: " + fields);
  }

  @Test
  void aReportStoredWithAnInfiniteNumberIsNotFitForTraining() {
    assertFalse(Retraining.allNumbersFinite(report(0, "{\"person_age\":1E+400,\"loan_grade\":\"D\"}")));
    assertTrue(Retraining.allNumbersFinite(report(0, "{\"person_age\":1E+30,\"loan_grade\":\"D\"}")));
  }
}
