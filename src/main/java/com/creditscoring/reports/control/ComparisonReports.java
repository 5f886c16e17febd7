package com.creditscoring.reports.control;

import com.creditscoring.charts.ProbabilityPlot;
import com.creditscoring.datasets.entity.Dataset;
import com.creditscoring.models.control.LearnerComparison;
import com.creditscoring.models.control.LearnerComparison.Compared;
import com.creditscoring.models.control.LearnerComparison.Result;
import com.creditscoring.reports.entity.Report;
import com.creditscoring.scoring.control.Language;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Makes the model comparison report of the active dataset (the active model's, else the newest).
 * It shows the comparison /api/compare serves: the latest one stored for that dataset, so the
 * report and the API never disagree and a report costs no training; only when none is stored (or
 * only one from before ROC curves were kept) is the comparison run first, and stored.
 */
@ApplicationScoped
public class ComparisonReports {

  @Inject LearnerComparison comparison;
  @Inject ComparisonReportRenderer renderer;
  @Inject ReportArchive archive;
  @Inject Clock clock;

  /** Renders the report of the active dataset's comparison and keeps it. */
  public Report make(String owner, Language language) {
    Dataset dataset = comparison.activeDataset();
    Compared compared = comparison.compared(dataset, owner);
    byte[] pdf = renderer.render(of(dataset.name(), dataset.rowCount(), compared, clock.instant(), language));
    return archive.store(owner, "comparison", "dataset-" + dataset.id(), language, pdf);
  }

  static ComparisonReport of(String dataset, int rows, Compared compared, Instant now, Language language) {
    return new ComparisonReport(
        language,
        now,
        dataset,
        rows,
        compared.comparedAt(),
        compared.reused(),
        compared.results().stream().map(r -> new ComparisonReport.Learner(r.model(), r.accuracy(), r.auc(), r.gini(), r.ks())).toList(),
        rocChart(compared.results(), language));
  }

  static byte[] rocChart(List<Result> results, Language language) {
    List<ProbabilityPlot.Series> curves =
        results.stream()
            .map(
                r ->
                    new ProbabilityPlot.Series(
                        r.model() + String.format(Locale.ROOT, " (AUC %.3f)", r.auc()),
                        r.roc().stream().map(p -> new ProbabilityPlot.Point(p.falsePositiveRate(), p.truePositiveRate())).toList(),
                        false))
            .toList();
    return new ProbabilityPlot(
            language.pick("ROC curves, cross-validated", "ROC-кривые, кросс-валидация"),
            language.pick("False positive rate (good applicants flagged)", "Доля ложноположительных (хорошие заёмщики)"),
            language.pick("True positive rate (defaults caught)", "Доля истинноположительных (дефолты)"),
            language.pick("Random guess", "Случайное угадывание"),
            curves)
        .png();
  }
}
