package com.creditscoring.scoring.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.creditscoring.ops.control.SnakeCase;
import com.creditscoring.scoring.control.Contributions.Contribution;
import com.creditscoring.scoring.control.ReasonCodes.Reason;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReasonCodesTest {

  private static final List<Contribution> CONTRIBUTIONS =
      List.of(
          new Contribution("loan_percent_income", 0.5, 0.15, 1.25),
          new Contribution("loan_grade", "E", "A", 0.75),
          new Contribution("person_emp_length", null, 4.0, 0.3),
          new Contribution("person-age years", 23.0, 27.0, 0.2),
          new Contribution("person_income", 18000.0, 55000.0, 0.1),
          new Contribution("loan_amnt", 9000.0, 8000.0, 0.005));

  @Test
  void storedJsonIsWhatTheBindingWouldWriteForNumbersCategoriesAndMissingValues() {
    for (Language language : Language.values()) {
      List<Reason> reasons = ReasonCodes.of(CONTRIBUTIONS, language);
      assertEquals(SnakeCase.JSON.toJson(reasons), ReasonCodes.toJson(reasons));
    }
    assertEquals("[]", ReasonCodes.toJson(List.of()));
  }

  @Test
  void theFourLargestMaterialRaisesBecomeCodesNamedForTheirFieldAndDirection() {
    List<Reason> reasons = ReasonCodes.of(CONTRIBUTIONS, Language.EN);
    assertEquals(
        List.of("LOAN_PERCENT_INCOME_HIGH", "LOAN_GRADE", "PERSON_EMP_LENGTH_MISSING", "PERSON_AGE_YEARS_LOW"),
        reasons.stream().map(Reason::code).toList());
    assertEquals("LOAN_PERCENT_INCOME_HIGH;LOAN_GRADE;PERSON_EMP_LENGTH_MISSING;PERSON_AGE_YEARS_LOW", ReasonCodes.codesOf(ReasonCodes.toJson(reasons)));
    assertEquals("Loan as a share of income is higher than typical: 0.5 (typical 0.15)", reasons.get(0).text());
  }

  @Test
  void punctuationAtEitherEndOfAFieldNameLeavesNoDoubleUnderscoreInItsCode() {
    assertEquals("LOAN_AMOUNT", ReasonCodes.codeStem("Loan amount (€)"));
    assertEquals("LOAN_AMOUNT_HIGH", ReasonCodes.code(new Contribution("Loan amount (€)", 9000.0, 8000.0, 0.5)));
    assertEquals("INCOME", ReasonCodes.codeStem("_income_"));
    assertEquals("FIELD", ReasonCodes.codeStem("€"));
  }
}
