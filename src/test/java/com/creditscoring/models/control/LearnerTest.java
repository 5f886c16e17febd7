package com.creditscoring.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.problems.ProblemException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LearnerTest {

  @Test
  void countsMustBeWholeNumbersWhileRatesMayBeFractions() {
    ProblemException refused =
        assertThrows(ProblemException.class, () -> Learner.BOOSTED_TREES.options(Map.of("folds", 2.5, "iterations", 100.5, "shrinkage", 0.05)));
    assertEquals(
        Map.of("options.folds", "must be a whole number between 2 and 20", "options.iterations", "must be a whole number between 10 and 2000"),
        refused.problem().errors().stream().collect(java.util.stream.Collectors.toMap(FieldError::field, FieldError::message)));
    Map<String, Double> resolved = Learner.BOOSTED_TREES.options(Map.of("folds", 3.0, "shrinkage", 0.05));
    assertEquals(3.0, resolved.get("folds"));
    assertEquals(0.05, resolved.get("shrinkage"));
    assertEquals(300.0, resolved.get("iterations"));
  }
}
