package com.creditscoring.reports.control;

import static java.util.Objects.requireNonNull;

import com.creditscoring.scoring.control.Language;
import java.time.Instant;
import java.util.List;

/**
 * What the model comparison report shows: every learner's cross-validated figures on one dataset,
 * best AUC first, and their ROC curves. Plain values, so rendering needs neither HTTP nor JPA.
 *
 * @param reused true when the comparison was stored earlier, false when it was run for this report
 * @param rocChart a PNG of the learners' ROC curves (e.g. from ProbabilityPlot)
 */
public record ComparisonReport(
    Language language,
    Instant madeAt,
    String dataset,
    int datasetRows,
    Instant comparedAt,
    boolean reused,
    List<Learner> learners,
    byte[] rocChart) {

  /** @param model the learner's API name, e.g. random_forest */
  public record Learner(String model, double accuracy, double auc, double gini, double ks) {
    public Learner {
      requireNonNull(model);
    }
  }

  public ComparisonReport {
    requireNonNull(language);
    requireNonNull(madeAt);
    requireNonNull(dataset);
    requireNonNull(comparedAt);
    learners = List.copyOf(learners);
    rocChart = requireNonNull(rocChart).clone();
  }

  /** A copy: the report stays as it was made. */
  @Override
  public byte[] rocChart() {
    return rocChart.clone();
  }
}
