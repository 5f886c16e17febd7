package com.creditscoring.feedback.control;

import com.creditscoring.datasets.control.DatasetCatalog;
import com.creditscoring.datasets.entity.Dataset;
import com.creditscoring.feedback.entity.Feedback;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LearnerComparison;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.models.control.ModelRegistry;
import com.creditscoring.models.control.TrainingJobs;
import com.creditscoring.models.entity.ScoringModel;
import com.creditscoring.models.entity.TrainingJob;
import com.creditscoring.problems.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * The seed's /retrain, done right: a new model version trained on the active dataset plus the
 * reported outcomes (the seed fitted on feedback alone and replaced the model), activated only if
 * its cross-validated AUC is not worse than the active model's.
 */
@ApplicationScoped
public class Retraining {

  private static final Logger LOG = Logger.getLogger(Retraining.class.getName());

  static final int MINIMUM_ROWS = 5;
  static final double MINIMUM_MINORITY_SHARE = 0.10;

  @Inject FeedbackLog feedback;
  @Inject DatasetCatalog datasets;
  @Inject LearnerComparison comparison;
  @Inject ModelRegistry registry;
  @Inject TrainingJobs jobs;

  /** What retraining did; {@code job} is set when it is still running. */
  public record Outcome(
      TrainingJob job, ScoringModel model, Double previousAuc, boolean activated, String reason, int feedbackRows, int skippedFeedbackRows,
      long datasetId) {}

  public Outcome retrain(String user, Duration wait) {
    // The root dataset plus all its feedback: a derived dataset never feeds the next retraining twice.
    Dataset base = datasets.find(comparison.activeDataset().rootId());
    List<Feedback> stored = feedback.forDataset(base.id());
    List<Feedback> reports = stored.stream().filter(Retraining::allNumbersFinite).toList();
    int skipped = stored.size() - reports.size();
    if (skipped > 0) {
      LOG.warning(() -> skipped + " feedback row(s) of dataset " + base.id() + " hold non-finite numbers and are left out of retraining");
    }
    checkTheSeedsRules(reports);
    Instances data = datasets.rows(base);
    for (Feedback report : reports) {
      data.add(row(data, report, base.positiveClass()));
    }
    Dataset derived =
        datasets.registerDerived(
            base,
            base.name() + " + " + reports.size() + " feedback rows",
            "Dataset " + base.id() + " plus the outcomes reported for it, for retraining.",
            data, user);
    Optional<LoadedModel> active = registry.active();
    Learner learner = active.flatMap(m -> Learner.of(m.model().algorithm())).orElse(Learner.LOGISTIC);
    Map<String, Double> options = active.map(m -> options(m.model().optionsJson())).orElseGet(() -> learner.options(Map.of()));
    TrainingJob job = jobs.await(jobs.submit(derived.id(), learner, options, user).id(), wait);
    if (!job.isFinished()) {
      return new Outcome(job, null, null, false, "still training", reports.size(), skipped, derived.id());
    }
    if (TrainingJobs.failedOnItsData(job)) {
      // The job's error already speaks to the analyst; the learner's own message is in the log.
      LOG.warning(() -> "Retraining job " + job.id() + " failed on dataset " + derived.id() + ": " + job.error());
      throw ProblemException.of(
          422,
          "Retraining could not train a model on dataset " + base.id() + " plus its " + reports.size() + " feedback row(s) (saved as dataset "
              + derived.id() + "). " + job.error() + " Check the reported outcomes with GET /api/feedback.");
    }
    if (job.modelId() == null) {
      throw ProblemException.of(500, "Retraining failed: " + job.error());
    }
    ScoringModel trained = registry.find(job.modelId());
    Double previous = active.map(m -> m.model().cvAuc()).orElse(null);
    boolean better = previous == null || trained.cvAuc() >= previous;
    if (better) {
      registry.activate(trained.id(), user);
    }
    String reason =
        previous == null
            ? "no model was active"
            : String.format(Locale.ROOT, "cross-validated AUC %.4f %s the active model's %.4f", trained.cvAuc(), better ? "is not worse than" : "is below", previous)
                + (better ? "" : ": registered, not activated");
    if (skipped > 0) {
      reason += "; " + skipped + " feedback row(s) with non-finite numbers were left out";
    }
    return new Outcome(null, trained, previous, better, reason, reports.size(), skipped, derived.id());
  }

  /** The seed's checks, each a 400 that says what is missing. */
  static void checkTheSeedsRules(List<Feedback> reports) {
    if (reports.isEmpty()) {
      throw ProblemException.of(400, "There is no feedback to learn from: report outcomes with POST /api/feedback first.");
    }
    if (reports.size() < MINIMUM_ROWS) {
      throw ProblemException.of(400, "Retraining needs at least " + MINIMUM_ROWS + " feedback rows; there are " + reports.size() + ".");
    }
    long defaults = reports.stream().filter(r -> r.actualStatus() == 1).count();
    long repaid = reports.stream().filter(r -> r.actualStatus() == 0).count();
    if (defaults + repaid != reports.size()) {
      throw ProblemException.of(400, "Feedback labels must be 0 or 1.");
    }
    double minority = Math.min(defaults, repaid) / (double) reports.size();
    if (minority < MINIMUM_MINORITY_SHARE) {
      throw ProblemException.of(
          400,
          String.format(Locale.ROOT, "The feedback is too one-sided: the rarer outcome is %.0f %% of it, at least 10 %% is needed.", minority * 100));
    }
  }

  /**
   * Whether every number in a report is finite. Reports stored before feedback was checked against
   * the model's ranges may hold 1e400, stored as infinity, which makes the learners' arithmetic
   * break down. Such rows are skipped and counted rather than failing the whole retraining: the
   * API cannot correct a stored report, so refusing would block retraining for good, while one
   * skipped row among many loses little. Finite but implausible values are kept; the range checks
   * at POST /api/feedback keep new ones out.
   */
  static boolean allNumbersFinite(Feedback report) {
    JsonObject fields;
    try (var reader = Json.createReader(new StringReader(report.fieldsJson()))) {
      fields = reader.readObject();
    }
    return fields.values().stream().noneMatch(v -> v instanceof JsonNumber n && !Double.isFinite(n.doubleValue()));
  }

  static DenseInstance row(Instances data, Feedback report, String positiveClass) {
    JsonObject fields;
    try (var reader = Json.createReader(new StringReader(report.fieldsJson()))) {
      fields = reader.readObject();
    }
    double[] values = new double[data.numAttributes()];
    for (int a = 0; a < data.numAttributes(); a++) {
      Attribute attribute = data.attribute(a);
      if (a == data.classIndex()) {
        int positive = attribute.indexOfValue(positiveClass);
        values[a] = report.actualStatus() == 1 ? positive : 1 - positive;
        continue;
      }
      JsonValue value = fields.get(attribute.name());
      if (value instanceof JsonNumber number && attribute.isNumeric()) {
        values[a] = number.doubleValue();
      } else if (value instanceof JsonString text && attribute.isNominal() && attribute.indexOfValue(text.getString()) >= 0) {
        values[a] = attribute.indexOfValue(text.getString());
      } else {
        values[a] = Utils.missingValue();
      }
    }
    return new DenseInstance(1.0, values);
  }

  private static Map<String, Double> options(String json) {
    Map<String, Double> options = new HashMap<>();
    try (var reader = Json.createReader(new StringReader(json))) {
      reader.readObject().forEach((key, value) -> options.put(key, ((JsonNumber) value).doubleValue()));
    }
    return options;
  }
}
