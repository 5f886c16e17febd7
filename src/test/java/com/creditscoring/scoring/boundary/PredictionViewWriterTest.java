package com.creditscoring.scoring.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.ops.control.SnakeCase;
import com.creditscoring.scoring.boundary.ScoringViews.BatchView;
import com.creditscoring.scoring.boundary.ScoringViews.PredictionView;
import com.creditscoring.scoring.control.ReasonCodes.Reason;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PredictionViewWriterTest {

  private static final PredictionView DECLINED =
      new PredictionView(
          1, "declined", "decline", 0.12345678901234, 0.87654321098766, 412, "E",
          List.of(
              new Reason("LOAN_PERCENT_INCOME_HIGH", "loan_percent_income", 0.5, 1.2345, "Loan as a share of income is higher than typical: 0.5 (typical 0.15)"),
              new Reason("LOAN_GRADE", "loan_grade", "E", 0.8, "Класс кредита: E (чаще всего: A) \"в кавычках\" \\ \t"),
              new Reason("PERSON_EMP_LENGTH_MISSING", "person_emp_length", null, 0.3, "Years in employment: not given"),
              new Reason("PERSON_AGE_YEARS_LOW", "person_age", 1.0E-7, 0.011, "Applicant's age is lower than typical: 1e-7 (typical 27)")),
          7, 9_007_199_254_740_993L);

  private static final PredictionView APPROVED = new PredictionView(0, "approved", "approve", 1.0, 0.0, 0, "A", List.of(), 1, 1);

  @Test
  void writesWhatTheBindingWritesForEveryKindOfReasonValue() {
    assertEquals(SnakeCase.JSON.toJson(DECLINED), PredictionViewWriter.json(DECLINED));
    assertEquals(SnakeCase.JSON.toJson(APPROVED), PredictionViewWriter.json(APPROVED));
  }

  @Test
  void writesTheEntityAsUtf8AndLeavesItsStreamOpen() throws Exception {
    ByteArrayOutputStream entity =
        new ByteArrayOutputStream() {
          @Override
          public void close() {
            throw new AssertionError("the writer closed the entity stream");
          }
        };
    new PredictionViewWriter().writeTo(DECLINED, PredictionView.class, PredictionView.class, null, MediaType.APPLICATION_JSON_TYPE, null, entity);
    assertEquals(SnakeCase.JSON.toJson(DECLINED), entity.toString(StandardCharsets.UTF_8));
  }

  @Test
  void takesOnlyThePredictionViewItself() {
    PredictionViewWriter writer = new PredictionViewWriter();
    assertTrue(writer.isWriteable(PredictionView.class, PredictionView.class, null, MediaType.APPLICATION_JSON_TYPE));
    assertFalse(writer.isWriteable(BatchView.class, BatchView.class, null, MediaType.APPLICATION_JSON_TYPE));
    assertFalse(writer.isWriteable(Object.class, Object.class, null, MediaType.APPLICATION_JSON_TYPE));
  }
}
