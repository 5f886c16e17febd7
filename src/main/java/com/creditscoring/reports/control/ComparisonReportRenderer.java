package com.creditscoring.reports.control;

import com.creditscoring.reports.control.ComparisonReport.Learner;
import com.creditscoring.scoring.control.Language;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.Map;

/** Renders a {@link ComparisonReport} as PDF with reports/comparison-report.jrxml. */
@ApplicationScoped
public class ComparisonReportRenderer {

  public byte[] render(ComparisonReport report) {
    Map<String, Object> parameters =
        Map.of(
            "madeAt", Date.from(report.madeAt()),
            "dataset", report.dataset(),
            "datasetRows", report.datasetRows(),
            "comparedAt", Date.from(report.comparedAt()),
            "reused", report.reused(),
            "rocChart", report.rocChart());
    return Compiled.TEMPLATE.pdf(
        report.language(), parameters, report.learners().stream().map(l -> row(l, report.language())).toList(), "dataset " + report.dataset());
  }

  // The template's field names; a learner without a label of its own is shown by its API name.
  private static Map<String, ?> row(Learner learner, Language language) {
    return Map.of(
        "model", learner.model(),
        "learner", Compiled.TEMPLATE.labelOr(language, "learner." + learner.model(), learner.model()),
        "accuracy", learner.accuracy(),
        "auc", learner.auc(),
        "gini", learner.gini(),
        "ks", learner.ks());
  }

  /** Loaded on first use rather than with the bean, so that CDI proxies do not load it too. */
  private static final class Compiled {
    static final ReportTemplate TEMPLATE = ReportTemplate.load("comparison-report");
  }
}
