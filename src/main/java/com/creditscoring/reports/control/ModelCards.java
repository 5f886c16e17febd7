package com.creditscoring.reports.control;

import com.creditscoring.charts.ProbabilityPlot;
import com.creditscoring.datasets.control.DatasetCatalog;
import com.creditscoring.datasets.entity.Dataset;
import com.creditscoring.models.control.InputField;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.models.control.ModelMetrics;
import com.creditscoring.models.control.ModelMetrics.CalibrationBin;
import com.creditscoring.models.control.ModelRegistry;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.models.entity.ScoringModel;
import com.creditscoring.reports.entity.Report;
import com.creditscoring.scoring.control.Contributions;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.scoring.control.ReasonCodes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.text.NumberFormat;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import weka.core.Instances;

/**
 * Makes the model card of a registered version from what the registry stored at training (options,
 * schema, cross-validated metrics and their calibration deciles) and, for the top features, from
 * the version's own explanations of a sample of its training rows.
 */
@ApplicationScoped
public class ModelCards {

  /** Training rows explained to rank the features: enough for stable means, cheap for a forest. */
  static final int FEATURE_ROWS = 200;

  /** Orderings per row for models that are not additive; logistic regression needs one. */
  static final int FEATURE_ORDERINGS = 4;

  static final int TOP_FEATURES = 10;
  private static final long SAMPLE_SEED = 42;

  @Inject ModelRegistry registry;
  @Inject DatasetCatalog datasets;
  @Inject ModelCardRenderer renderer;
  @Inject ReportArchive archive;
  @Inject Clock clock;

  /** Renders the card of model version {@code id} (404 when there is none) and keeps it. */
  public Report make(long id, String owner, Language language) {
    ScoringModel model = registry.find(id);
    byte[] pdf = renderer.render(of(model, language));
    return archive.store(owner, "model_card", "model-" + id, language, pdf);
  }

  ModelCard of(ScoringModel model, Language language) {
    Dataset dataset = datasets.find(model.datasetId());
    LoadedModel loaded = registry.version(model.id());
    ModelMetrics metrics = registry.metrics(model);
    ModelSettings settings = registry.settings(model);
    boolean exact = "logistic".equals(model.algorithm()) || loaded.boostedTrees().isPresent();
    Instances rows = datasets.rows(dataset);
    return new ModelCard(
        language,
        clock.instant(),
        model.id(),
        model.algorithm(),
        registry.activeId().filter(model.id()::equals).isPresent(),
        model.createdAt(),
        model.createdBy(),
        model.checksum(),
        new ModelCard.TrainingData(
            dataset.name(), dataset.source(), dataset.rowCount(), dataset.targetColumn(), dataset.positiveClass(), dataset.defaultRate()),
        registry.schema(model).stream().map(f -> field(f, language)).toList(),
        options(model.optionsJson()),
        model.wekaOptions(),
        metrics,
        settings,
        calibrationChart(metrics.calibration(), language),
        CutoffTable.of(metrics.distribution(), settings),
        topFeatures(loaded, rows, language),
        new ModelCard.FeatureMethod(Math.min(FEATURE_ROWS, rows.numInstances()), exact, exact ? 1 : FEATURE_ORDERINGS));
  }

  static ModelCard.Field field(InputField field, Language language) {
    String allowed;
    if (field.numeric()) {
      NumberFormat number = NumberFormat.getNumberInstance(ReportTemplate.LOCALES.get(language));
      number.setMaximumFractionDigits(2);
      allowed = number.format(field.observedMin()) + " … " + number.format(field.observedMax());
    } else {
      allowed = String.join(", ", field.allowedValues());
    }
    return new ModelCard.Field(field.name(), ReasonCodes.label(field.name(), language), field.type(), allowed, field.required());
  }

  /**
   * The options as trained, defaults filled in, in the order the registry stored them; whole
   * numbers (stored as doubles, e.g. 10.0 folds) without a fraction.
   */
  static List<ModelCard.Option> options(String optionsJson) {
    try (var reader = Json.createReader(new StringReader(optionsJson))) {
      List<ModelCard.Option> options = new ArrayList<>();
      for (Map.Entry<String, JsonValue> option : reader.readObject().entrySet()) {
        String value = option.getValue().toString();
        if (option.getValue() instanceof JsonNumber number) {
          double d = number.doubleValue();
          value = d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
        }
        options.add(new ModelCard.Option(option.getKey(), value));
      }
      return options;
    }
  }

  static byte[] calibrationChart(List<CalibrationBin> bins, Language language) {
    List<ProbabilityPlot.Point> points = bins.stream().map(b -> new ProbabilityPlot.Point(b.meanPredicted(), b.observedRate())).toList();
    return new ProbabilityPlot(
            language.pick("Calibration by decile of prediction, cross-validated", "Калибровка по децилям прогноза, кросс-валидация"),
            language.pick("Mean predicted probability of default", "Средняя прогнозная вероятность дефолта"),
            language.pick("Observed default rate", "Наблюдаемая доля дефолтов"),
            language.pick("Perfect calibration", "Идеальная калибровка"),
            List.of(new ProbabilityPlot.Series(language.pick("Deciles", "Децили"), points, true)))
        .png();
  }

  /**
   * Fields by their mean absolute contribution to the log-odds of default over a seeded sample of
   * the training rows: one measure for every learner (a forest has no coefficients, and logistic
   * coefficients depend on each field's scale), in the units the decision report shows.
   */
  static List<ModelCard.Feature> topFeatures(LoadedModel model, Instances rows, Language language) {
    String mismatch = model.header().equalHeadersMsg(rows);
    if (mismatch != null) {
      throw new IllegalStateException("model " + model.id() + " no longer matches its training data: " + mismatch);
    }
    Instances sample = new Instances(rows);
    sample.randomize(new Random(SAMPLE_SEED));
    int n = Math.min(FEATURE_ROWS, sample.numInstances());
    List<InputField> fields = model.schema();
    double[] sums = new double[fields.size()];
    for (int r = 0; r < n; r++) {
      List<Contributions.Contribution> contributions = Contributions.of(model, sample.instance(r), FEATURE_ORDERINGS).contributions();
      for (int f = 0; f < sums.length; f++) {
        sums[f] += Math.abs(contributions.get(f).contribution());
      }
    }
    List<ModelCard.Feature> features = new ArrayList<>();
    for (int f = 0; f < sums.length; f++) {
      features.add(new ModelCard.Feature(ReasonCodes.label(fields.get(f).name(), language), n == 0 ? 0 : sums[f] / n));
    }
    return features.stream()
        .sorted(Comparator.comparingDouble(ModelCard.Feature::meanAbsoluteContribution).reversed())
        .limit(TOP_FEATURES)
        .toList();
  }
}
