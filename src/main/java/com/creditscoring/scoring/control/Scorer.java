package com.creditscoring.scoring.control;

import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.models.control.ModelRegistry;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.ops.control.Settings;
import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.scoring.control.ApplicationForm.Applicant;
import com.creditscoring.scoring.control.ApplicationForm.ExtraFields;
import com.creditscoring.scoring.control.ApplicationForm.Reading;
import com.creditscoring.scoring.control.Contributions.Explanation;
import com.creditscoring.scoring.control.ReasonCodes.Reason;
import com.creditscoring.scoring.entity.Prediction;
import com.creditscoring.scoring.entity.Prediction.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.annotation.Counted;

/**
 * Decides loan applications with the active model: reads them against its schema, scores them,
 * finds the reasons, and records every decision before it is handed back.
 */
@ApplicationScoped
public class Scorer {

  @Inject ModelRegistry registry;
  @Inject DecisionLog log;
  @Inject Clock clock;

  /** SCORING_EXTRA_FIELDS: reject (422) or ignore fields the model does not use. */
  @Inject
  @ConfigProperty(name = "scoring.extra-fields", defaultValue = "reject")
  String extraFieldsSetting;

  /** Orderings sampled for the reasons of a random forest: one ordering and its reverse by default, a cost of two scores per field. */
  @Inject
  @ConfigProperty(name = "scoring.reason-orderings", defaultValue = "2")
  String reasonOrderingsSetting;

  /** Orderings sampled by /explain for a random forest (logistic regression and boosted trees are exact). */
  @Inject
  @ConfigProperty(name = "scoring.explain-orderings", defaultValue = "64")
  String explainOrderingsSetting;

  private ExtraFields extraFields;

  public ExtraFields extraFields() {
    return extraFields;
  }

  /** Orderings /explain samples for a tree model; reports use the same. */
  public int explainOrderings() {
    return explainOrderings;
  }
  private int reasonOrderings;
  private int explainOrderings;

  /** Who asks, under which request, and in which language texts are wanted. */
  public record Caller(String user, String requestId, Language language) {}

  /** A scored application; {@code audit} is its row in the audit trail. */
  public record Decision(
      LoadedModel model, JsonObject fields, double probabilityOfDefault, double score, String decision, RiskBand band,
      Explanation explanation, List<Reason> reasons, Prediction audit) {

    /** 1 when the model expects a default at its decline cut-off, as the seed's prediction field. */
    public int prediction() {
      return "decline".equals(decision) ? 1 : 0;
    }
  }

  /** One record of a batch: its decision, or what is wrong with it. */
  public record Outcome(int index, Decision decision, List<FieldError> errors) {}

  @PostConstruct
  void readSettings() {
    extraFields = Settings.choice("SCORING_EXTRA_FIELDS", extraFieldsSetting, ExtraFields.class);
    reasonOrderings = Settings.positiveInt("SCORING_REASON_ORDERINGS", reasonOrderingsSetting);
    explainOrderings = Settings.positiveInt("SCORING_EXPLAIN_ORDERINGS", explainOrderingsSetting);
  }

  /** The model that scores now, or a 503 that says how to get one. */
  public LoadedModel activeModel() {
    return registry
        .active()
        .orElseThrow(
            () ->
                ProblemException.of(
                    503,
                    "No model is active, so nothing can be scored yet. An admin can train and activate the best learner with"
                        + " POST /api/train-final, or activate a trained version with POST /api/models/{id}/activate."));
  }

  /** One application, recorded with the channel it came through (single, or a report's). */
  @Counted(name = "decisions", description = "Single applications decided", absolute = true)
  public Decision decide(JsonObject application, Caller caller, Channel channel) {
    return decideOne(application, caller, channel, reasonOrderings);
  }

  /** A decision with every field's contribution, sampled more finely than for the reasons alone. */
  public Decision explain(JsonObject application, Caller caller) {
    return decideOne(application, caller, Channel.SINGLE, explainOrderings);
  }

  private Decision decideOne(JsonObject application, Caller caller, Channel channel, int orderings) {
    LoadedModel model = activeModel();
    Reading reading = ApplicationForm.read(application, model, extraFields);
    if (!reading.valid()) {
      throw ProblemException.invalid("The application has " + reading.errors().size() + " invalid field(s).", reading.errors());
    }
    Decision decision = score(model, reading.applicant(), caller, channel, orderings);
    log.record(decision.audit());
    return decision;
  }

  /**
   * Decides every valid record; an invalid one gets its errors and does not stop the others. All
   * decisions are recorded together before this returns.
   */
  @Counted(name = "batch_records", description = "Batch records received", absolute = true)
  public List<Outcome> decideAll(List<JsonValue> records, Caller caller, Channel channel) {
    LoadedModel model = activeModel();
    List<Outcome> outcomes = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      outcomes.add(decideRecord(model, records.get(i), i, "[" + i + "].", caller, channel));
    }
    log.record(outcomes.stream().filter(o -> o.decision() != null).map(o -> o.decision().audit()).toList());
    return outcomes;
  }

  /** Reads and scores one record of a batch without recording it; the caller records in bulk. */
  public Outcome decideRecord(LoadedModel model, JsonValue record, int index, String fieldPrefix, Caller caller, Channel channel) {
    if (!(record instanceof JsonObject application)) {
      return new Outcome(index, null, List.of(new FieldError("[" + index + "]", "must be an object with the application's fields")));
    }
    Reading reading = ApplicationForm.read(application, model, extraFields, fieldPrefix);
    if (!reading.valid()) {
      return new Outcome(index, null, reading.errors());
    }
    return new Outcome(index, score(model, reading.applicant(), caller, channel, reasonOrderings), List.of());
  }

  Decision score(LoadedModel model, Applicant applicant, Caller caller, Channel channel, int orderings) {
    ModelSettings settings = model.settings();
    // The explanation gives the probability too: boosted trees get it from the same pass.
    Explanation explanation = Contributions.of(model, applicant.instance(), orderings);
    double probability = explanation.probabilityOfDefault();
    double score = settings.score(probability);
    String decision = settings.decision(probability);
    RiskBand band = RiskBand.of(probability);
    List<Reason> reasons = ReasonCodes.of(explanation.contributions(), caller.language());
    Prediction row =
        new Prediction(
            clock.instant(), caller.user(), caller.requestId(), channel, model.id(), applicant.fields().toString(), probability,
            score, decision, band.name(), ReasonCodes.toJson(reasons));
    return new Decision(model, applicant.fields(), probability, score, decision, band, explanation, reasons, row);
  }
}
