package com.creditscoring.testing;

import com.creditscoring.charts.ProbabilityPlot;
import com.creditscoring.models.control.ModelMetrics;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.reports.control.ComparisonReport;
import com.creditscoring.reports.control.CutoffTable;
import com.creditscoring.reports.control.ModelCard;
import com.creditscoring.scoring.control.Language;
import java.time.Instant;
import java.util.List;
import java.util.Random;

/** A comparison report and a model card with known figures, for the renderers' tests and the benchmark. */
public final class SampleModelReports {

  private SampleModelReports() {}

  /** Three learners on the seed's data, best AUC first. */
  public static ComparisonReport comparison(Language language) {
    return new ComparisonReport(
        language,
        Instant.parse("2026-03-16T10:15:00Z"),
        "credit-risk (seed schema)",
        32_581,
        Instant.parse("2026-03-16T09:00:00Z"),
        true,
        List.of(
            new ComparisonReport.Learner("boosted_trees", 0.9342, 0.9518, 0.9036, 0.7712),
            new ComparisonReport.Learner("random_forest", 0.9281, 0.9305, 0.8610, 0.7204),
            new ComparisonReport.Learner("logistic", 0.8667, 0.8702, 0.7404, 0.5899)),
        squarePlot(language));
  }

  /**
   * A logistic model whose metrics come from 1,000 held-out predictions where the probability of
   * default is the true rate: well calibrated, so the cut-off table has a rising bad rate.
   */
  public static ModelCard logisticCard(Language language) {
    ModelMetrics metrics = ModelMetrics.of(calibratedPredictions(1_000), 0.5, 10, List.of(0.83, 0.86, 0.88), 1.25);
    return new ModelCard(
        language,
        Instant.parse("2026-03-16T10:15:00Z"),
        7,
        "logistic",
        true,
        Instant.parse("2026-03-01T08:00:00Z"),
        "ann",
        "9f2c".repeat(16),
        new ModelCard.TrainingData("credit-risk", "upload", 1_000, "loan_status", "1", 0.22),
        List.of(
            new ModelCard.Field("person_income", language.pick("Annual income", "Годовой доход"), "numeric", "4 000 … 6 000 000", true),
            new ModelCard.Field("loan_grade", language.pick("Loan grade", "Класс кредита"), "nominal", "A, B, C, D, E, F, G", true),
            new ModelCard.Field("person_emp_length", language.pick("Years in employment", "Стаж работы (лет)"), "numeric", "0 … 123", false)),
        List.of(new ModelCard.Option("folds", "10"), new ModelCard.Option("seed", "1"), new ModelCard.Option("ridge", "1.0E-8")),
        "weka.classifiers.meta.FilteredClassifier -F weka.filters.unsupervised.attribute.ReplaceMissingValues -W weka.classifiers.functions.Logistic",
        metrics,
        ModelSettings.DEFAULT,
        squarePlot(language),
        CutoffTable.of(metrics.distribution(), ModelSettings.DEFAULT),
        List.of(
            new ModelCard.Feature(language.pick("Loan as a share of income", "Доля кредита в доходе"), 0.8123),
            new ModelCard.Feature(language.pick("Loan grade", "Класс кредита"), 0.4567)),
        new ModelCard.FeatureMethod(200, true, 1));
  }

  /** Seeded: applicant i defaults with probability p_i, and the model predicts exactly p_i. */
  public static ModelMetrics.Predictions calibratedPredictions(int n) {
    Random random = new Random(5);
    double[] p = new double[n];
    boolean[] y = new boolean[n];
    for (int i = 0; i < n; i++) {
      p[i] = random.nextDouble() * 0.6;
      y[i] = random.nextDouble() < p[i];
    }
    return new ModelMetrics.Predictions(p, y);
  }

  private static byte[] squarePlot(Language language) {
    return new ProbabilityPlot(
            "t", "x", "y", language.pick("Random guess", "Случайное угадывание"),
            List.of(new ProbabilityPlot.Series("s", List.of(new ProbabilityPlot.Point(0, 0), new ProbabilityPlot.Point(0.2, 0.7), new ProbabilityPlot.Point(1, 1)), false)))
        .png();
  }
}
