package com.creditscoring.reports.control;

import com.creditscoring.models.control.InputField;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.models.control.ModelRegistry;
import com.creditscoring.scoring.control.ApplicationForm;
import com.creditscoring.scoring.control.ApplicationForm.ExtraFields;
import com.creditscoring.scoring.control.ContributionChart;
import com.creditscoring.scoring.control.Contributions;
import com.creditscoring.scoring.control.Contributions.Contribution;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.scoring.control.ReasonCodes;
import com.creditscoring.scoring.control.RiskBand;
import com.creditscoring.scoring.control.Scorer;
import com.creditscoring.scoring.entity.Prediction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Makes the decision report of a recorded decision: its inputs, outcome and reasons as the audit
 * trail holds them, in the language asked for, with the contributions recomputed from the same
 * model version (they are deterministic, so they are the ones the applicant was given).
 */
@ApplicationScoped
public class DecisionReports {

  static final int TOP_CONTRIBUTIONS = 5;

  @Inject ModelRegistry registry;
  @Inject Scorer scorer;
  @Inject DecisionReportRenderer renderer;
  @Inject ReportArchive archive;

  /** Renders the report of this decision and keeps it. */
  public com.creditscoring.reports.entity.Report make(Prediction decision, String owner, Language language) {
    byte[] pdf = renderer.render(of(decision, language));
    return archive.store(owner, "decision", "prediction-" + decision.id(), language, pdf);
  }

  DecisionReport of(Prediction decision, Language language) {
    LoadedModel model = registry.version(decision.modelId());
    JsonObject input = parse(decision.inputJson()).asJsonObject();
    var reading = ApplicationForm.read(input, model, ExtraFields.IGNORE);
    if (!reading.valid()) {
      throw new IllegalStateException("prediction " + decision.id() + " no longer reads against model " + model.id() + ": " + reading.errors());
    }
    List<Contribution> contributions = Contributions.of(model, reading.applicant().instance(), scorer.explainOrderings()).contributions();
    List<Contribution> top =
        Contributions.largestFirst(contributions).stream().limit(TOP_CONTRIBUTIONS).toList();
    Map<String, Object> typical = model.schema().stream().collect(Collectors.toMap(InputField::name, InputField::typical));
    List<Contribution> stated =
        parse(decision.reasonsJson()).asJsonArray().getValuesAs(JsonObject.class).stream()
            .map(r -> new Contribution(r.getString("field"), value(r.get("value")), typical.get(r.getString("field")), r.getJsonNumber("contribution").doubleValue()))
            .toList();
    return new DecisionReport(
        language,
        decision.createdAt(),
        Long.toString(decision.id()),
        Long.toString(decision.modelId()),
        model.schema().stream()
            .map(f -> new DecisionReport.Input(ReasonCodes.label(f.name(), language), ReasonCodes.show(value(input.get(f.name())))))
            .toList(),
        DecisionReport.Decision.of(decision.decision()),
        decision.probabilityOfDefault(),
        (int) Math.round(decision.score()),
        RiskBand.valueOf(decision.riskBand()),
        ReasonCodes.of(stated, language).stream().map(r -> new DecisionReport.Reason(r.code(), r.text())).toList(),
        top.stream().map(c -> new DecisionReport.Contribution(ReasonCodes.label(c.field(), language), c.contribution())).toList(),
        ContributionChart.png(top, language));
  }

  private static JsonValue parse(String json) {
    try (var reader = Json.createReader(new StringReader(json))) {
      return reader.readValue();
    }
  }

  /** A stored value as scoring saw it: a number, a category, or null when not given. */
  private static Object value(JsonValue value) {
    if (value instanceof JsonNumber number) {
      return number.doubleValue();
    }
    return value instanceof JsonString text ? text.getString() : null;
  }

}
