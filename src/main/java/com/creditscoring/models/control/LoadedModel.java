package com.creditscoring.models.control;

import com.creditscoring.models.entity.ScoringModel;
import java.util.List;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.filters.AllFilter;
import weka.filters.unsupervised.attribute.ReplaceMissingValues;

/**
 * A registered model in memory, ready to score from many threads at once. Weka classifiers are
 * not thread-safe (Logistic's internal filters hold state: shared, it silently gives wrong
 * scores), so each thread scores with its own copy of the trained classifier.
 */
public final class LoadedModel {

  private final ScoringModel model;
  private final Instances header;
  private final int positiveIndex;
  private final List<InputField> schema;
  private final ModelSettings settings;
  private final ThreadLocal<Classifier> perThread;
  /** Boosted trees copied into flat arrays: faster than Weka's objects and exact to explain. */
  private final BoostedTrees boostedTrees;

  LoadedModel(
      ScoringModel model, Classifier trained, Instances header, String positiveClass, List<InputField> schema, ModelSettings settings) {
    this.model = model;
    this.settings = settings;
    this.header = header;
    this.schema = List.copyOf(schema);
    this.positiveIndex = header.classAttribute().indexOfValue(positiveClass);
    this.boostedTrees = BoostedTrees.of(trained, header, positiveIndex).orElse(null);
    this.perThread =
        ThreadLocal.withInitial(
            () -> {
              try {
                return AbstractClassifier.makeCopy(trained);
              } catch (Exception e) {
                throw new IllegalStateException("cannot copy model " + model.id(), e);
              }
            });
  }

  /**
   * A trained model that is not registered, as version 0: for scoring in-process, as tests and
   * benchmarks do.
   */
  public static LoadedModel unregistered(ModelTrainer.TrainedModel trained, String positiveClass, ModelSettings settings) {
    ScoringModel model =
        new ScoringModel(
            0L, trained.learner().value(), trained.wekaOptions(), "{}", "{}", "[]", "{}", trained.metrics().auc(),
            trained.metrics().rows(), 0, "unregistered", "unregistered", java.time.Instant.EPOCH);
    return new LoadedModel(model, trained.classifier(), trained.header(), positiveClass, trained.schema(), settings);
  }

  /** The version; 0 for a model that is not registered. */
  public long id() {
    return model.id() == null ? 0 : model.id();
  }

  public ScoringModel model() {
    return model;
  }

  /** The training header: every scoring request is checked against it. */
  public Instances header() {
    return header;
  }

  public List<InputField> schema() {
    return schema;
  }

  /**
   * The classifier that must see this applicant. A pipeline whose filter would pass the applicant
   * through unchanged (no filter for trees, missing-value imputation for an applicant with nothing
   * missing) is skipped: the filter's per-row bookkeeping costs more than a whole logistic score.
   */
  private static Classifier scoring(Classifier copy, Instance applicant) {
    if (copy instanceof FilteredClassifier pipeline
        && (pipeline.getFilter() instanceof AllFilter
            || (pipeline.getFilter() instanceof ReplaceMissingValues && !applicant.hasMissingValue()))) {
      return pipeline.getClassifier();
    }
    return copy;
  }

  /** How this version turns a probability into a score and a decision. */
  public ModelSettings settings() {
    return settings;
  }

  public String algorithm() {
    return model.algorithm();
  }

  /** The model as flat boosted trees, when it is boosted trees (see {@link BoostedTrees}). */
  public java.util.Optional<BoostedTrees> boostedTrees() {
    return java.util.Optional.ofNullable(boostedTrees);
  }

  public double probabilityOfDefault(Instance applicant) {
    if (boostedTrees != null) {
      return boostedTrees.probabilityOfDefault(applicant.toDoubleArray());
    }
    try {
      return scoring(perThread.get(), applicant).distributionForInstance(applicant)[positiveIndex];
    } catch (Exception e) {
      throw new IllegalStateException("model " + model.id() + " cannot score: " + e.getMessage(), e);
    }
  }
}
