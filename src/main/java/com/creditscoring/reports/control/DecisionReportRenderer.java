package com.creditscoring.reports.control;

import com.creditscoring.reports.control.DecisionReport.Contribution;
import com.creditscoring.reports.control.DecisionReport.Input;
import com.creditscoring.reports.control.DecisionReport.Reason;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

/** Renders a {@link DecisionReport} as a one-page PDF with reports/decision-report.jrxml. */
@ApplicationScoped
public class DecisionReportRenderer {

  public byte[] render(DecisionReport report) {
    Map<String, Object> parameters = new HashMap<>();
    parameters.put("decidedAt", Date.from(report.decidedAt()));
    parameters.put("predictionId", report.predictionId());
    parameters.put("modelVersion", report.modelVersion());
    parameters.put("decision", report.decision().name());
    parameters.put("probabilityOfRepayment", report.probabilityOfRepayment());
    parameters.put("probabilityOfDefault", report.probabilityOfDefault());
    parameters.put("score", report.score());
    parameters.put("riskBand", report.riskBand().name());
    parameters.put("reasons", report.reasons().stream().map(DecisionReportRenderer::row).toList());
    parameters.put("contributions", report.topContributions().stream().map(DecisionReportRenderer::row).toList());
    parameters.put("chart", report.contributionsChart());
    return Compiled.TEMPLATE.pdf(
        report.language(), parameters, report.inputs().stream().map(DecisionReportRenderer::row).toList(), "prediction " + report.predictionId());
  }

  // The templates' field names.
  private static Map<String, ?> row(Input input) {
    return Map.of("label", input.label(), "value", input.value());
  }

  private static Map<String, ?> row(Reason reason) {
    return Map.of("code", reason.code(), "text", reason.text());
  }

  private static Map<String, ?> row(Contribution contribution) {
    return Map.of("label", contribution.label(), "raisesRisk", contribution.raisesRisk(), "value", contribution.logOdds());
  }

  /** Loaded on first use rather than with the bean, so that CDI proxies do not load it too. */
  private static final class Compiled {
    static final ReportTemplate TEMPLATE = ReportTemplate.load("decision-report");
  }
}
