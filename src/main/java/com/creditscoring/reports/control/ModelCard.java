package com.creditscoring.reports.control;

import static java.util.Objects.requireNonNull;

import com.creditscoring.models.control.ModelMetrics;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.scoring.control.Language;
import java.time.Instant;
import java.util.List;

/**
 * What a model version's card shows: what it was trained on and how, what it expects, how well it
 * did in cross-validation, what each cut-off would do and what it leans on. Words that come from
 * the model (field labels) are already in {@code language}; plain values, so rendering needs
 * neither HTTP nor JPA.
 *
 * @param calibrationChart a PNG of predicted against observed default rate per decile
 * @param topFeatures largest first
 */
public record ModelCard(
    Language language,
    Instant madeAt,
    long version,
    String algorithm,
    boolean active,
    Instant trainedAt,
    String trainedBy,
    String checksum,
    TrainingData dataset,
    List<Field> schema,
    List<Option> options,
    String wekaOptions,
    ModelMetrics metrics,
    ModelSettings settings,
    byte[] calibrationChart,
    List<CutoffTable.Row> cutoffs,
    List<Feature> topFeatures,
    FeatureMethod featureMethod) {

  /** @param defaultRate share of rows whose target is {@code positiveClass} */
  public record TrainingData(String name, String source, int rows, String target, String positiveClass, double defaultRate) {
    public TrainingData {
      requireNonNull(name);
      requireNonNull(source);
      requireNonNull(target);
      requireNonNull(positiveClass);
    }
  }

  /**
   * One input field.
   *
   * @param allowed the categories of a nominal field, or the range seen in training of a numeric one
   */
  public record Field(String name, String label, String type, String allowed, boolean required) {
    public Field {
      requireNonNull(name);
      requireNonNull(label);
      requireNonNull(type);
      requireNonNull(allowed);
    }
  }

  public record Option(String name, String value) {
    public Option {
      requireNonNull(name);
      requireNonNull(value);
    }
  }

  /** A field and the mean size of its contribution to the log-odds of default. */
  public record Feature(String label, double meanAbsoluteContribution) {
    public Feature {
      requireNonNull(label);
    }
  }

  /**
   * How the feature ranking was computed: mean |contribution| over {@code rows} training rows,
   * exact for logistic regression, else from {@code orderings} sampled orderings per row.
   */
  public record FeatureMethod(int rows, boolean exact, int orderings) {}

  public ModelCard {
    requireNonNull(language);
    requireNonNull(madeAt);
    requireNonNull(algorithm);
    requireNonNull(trainedAt);
    requireNonNull(trainedBy);
    requireNonNull(checksum);
    requireNonNull(dataset);
    requireNonNull(wekaOptions);
    requireNonNull(metrics);
    requireNonNull(settings);
    requireNonNull(featureMethod);
    schema = List.copyOf(schema);
    options = List.copyOf(options);
    calibrationChart = requireNonNull(calibrationChart).clone();
    cutoffs = List.copyOf(cutoffs);
    topFeatures = List.copyOf(topFeatures);
  }

  /** A copy: the card stays as it was made. */
  @Override
  public byte[] calibrationChart() {
    return calibrationChart.clone();
  }
}
