package com.creditscoring.models.control;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * Trains one learner the way a model validator expects: seeded, stratified k-fold
 * cross-validation first (the only source of quality figures), then the final fit on every row.
 * Plain Java, so it is tested without a server.
 */
public final class ModelTrainer {

  /** Told after each step (each fold, then the final fit); may stop the training by throwing. */
  @FunctionalInterface
  public interface Progress {
    void stepDone(int done, int total);

    Progress NONE = (done, total) -> {};
  }

  /** A trained model with everything the registry stores about it. */
  public record TrainedModel(
      Learner learner,
      Map<String, Double> options,
      String wekaOptions,
      Classifier classifier,
      Instances header,
      ModelMetrics metrics,
      List<InputField> schema) {

    /** The classifier and its training header, as {@code SerializationHelper.writeAll} writes them. */
    public byte[] serialized() {
      try {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationHelper.writeAll(bytes, new Object[] {classifier, header});
        return bytes.toByteArray();
      } catch (Exception e) {
        throw new IllegalStateException("cannot serialize the model: " + e.getMessage(), e);
      }
    }
  }

  /**
   * The data cannot train this learner: too few rows of an outcome, or the learner's arithmetic
   * broke down on it. The message is written for the analyst who chose the data; the learner's own
   * message, if any, stays in the cause for the server log.
   */
  public static final class Untrainable extends IllegalArgumentException {
    Untrainable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  /** Fewer rows of an outcome than this and some fold is tested on one outcome alone, where AUC means nothing. */
  static final int MINIMUM_ROWS_PER_OUTCOME = 2;

  private ModelTrainer() {}

  /**
   * Why rows with these outcomes cannot be cross-validated, if they cannot. The folds shrink to the
   * rarer outcome's count (see {@link #heldOut}), and stratified folds give every fold a row of each
   * outcome once each outcome has at least as many rows as there are folds; so two of each is the
   * least that yields a model with meaningful quality figures.
   */
  public static Optional<String> whyCannotCrossValidate(long defaults, long repaid) {
    if (Math.min(defaults, repaid) >= MINIMUM_ROWS_PER_OUTCOME) {
      return Optional.empty();
    }
    return Optional.of(
        "has " + defaults + " row(s) that defaulted and " + repaid + " that did not; cross-validation needs at least "
            + MINIMUM_ROWS_PER_OUTCOME + " of each, so that every fold is tested on both outcomes");
  }

  /** Cross-validation only: the quality figures, without the final fit. */
  public static ModelMetrics crossValidate(
      Instances data, String positiveClass, Learner learner, Map<String, Double> options, Progress progress) {
    return run(data, positiveClass, learner, options, progress, false).metrics();
  }

  public static TrainedModel train(
      Instances data, String positiveClass, Learner learner, Map<String, Double> options, Progress progress) {
    return run(data, positiveClass, learner, options, progress, true);
  }

  /**
   * The same cross-validation for any Weka classifier, made fresh for each fold by {@code fresh}:
   * the tuning bench's entry, so its figures are the product's. Also returns the held-out
   * predictions behind the metrics.
   */
  public static CrossValidation crossValidate(
      Instances data, String positiveClass, Supplier<Classifier> fresh, int folds, long seed, Progress progress)
      throws Exception {
    long started = System.nanoTime();
    HeldOut heldOut = heldOut(data, positive(data, positiveClass), fresh, folds, seed, progress, 0);
    return new CrossValidation(heldOut.metrics(started), heldOut.predictions());
  }

  /** Held-out predictions of a cross-validation and the metrics computed from them. */
  public record CrossValidation(ModelMetrics metrics, ModelMetrics.Predictions predictions) {}

  private static TrainedModel run(
      Instances data, String positiveClass, Learner learner, Map<String, Double> options, Progress progress, boolean fit) {
    int positive = positive(data, positiveClass);
    long started = System.nanoTime();
    try {
      HeldOut heldOut =
          heldOut(
              data, positive, () -> learner.classifier(options), options.get("folds").intValue(),
              options.get("seed").longValue(), progress, fit ? 1 : 0);
      Classifier finalModel = null;
      if (fit) {
        stopIfInterrupted();
        finalModel = learner.classifier(options);
        finalModel.buildClassifier(data);
        int steps = heldOut.foldAucs().size() + 1;
        progress.stepDone(steps, steps);
      }
      return new TrainedModel(
          learner, options, finalModel == null ? "" : optionString(finalModel), finalModel,
          new Instances(data, 0), heldOut.metrics(started), InputField.schemaOf(data));
    } catch (CancellationException | IllegalArgumentException e) {
      throw e;
    } catch (Exception e) {
      // Weka throws plain Exceptions whose messages ("Objective function value is NaN!") speak of
      // its internals; what the analyst can act on is that this data does not fit this learner.
      throw new Untrainable(
          "The " + learner.value() + " learner could not be fitted to this data; this usually means extreme values "
              + "(e.g. numbers far outside any plausible range) or columns that never vary. The server log has the learner's own message.",
          e);
    }
  }

  /** The held-out prediction of every row and the AUC of each fold. */
  private record HeldOut(ModelMetrics.Predictions predictions, List<Double> foldAucs) {
    /** The metrics, timed from {@code started} to now. */
    ModelMetrics metrics(long started) {
      return ModelMetrics.of(predictions, 0.5, foldAucs.size(), foldAucs, (System.nanoTime() - started) / 1e9);
    }
  }

  private static HeldOut heldOut(
      Instances data, int positive, Supplier<Classifier> fresh, int requestedFolds, long seed, Progress progress, int extraSteps)
      throws Exception {
    int[] counts = data.attributeStats(data.classIndex()).nominalCounts;
    int defaults = counts[positive];
    whyCannotCrossValidate(defaults, data.numInstances() - data.attributeStats(data.classIndex()).missingCount - defaults)
        .ifPresent(why -> { throw new Untrainable("The data " + why + ".", null); });
    int folds = Math.min(requestedFolds, minorityCount(data));
    int steps = folds + extraSteps;
    Random random = new Random(seed);
    Instances shuffled = new Instances(data);
    shuffled.randomize(random);
    shuffled.stratify(folds);
    double[] probability = new double[data.numInstances()];
    boolean[] defaulted = new boolean[data.numInstances()];
    List<Double> foldAucs = new ArrayList<>();
    int next = 0;
    for (int fold = 0; fold < folds; fold++) {
      stopIfInterrupted();
      Instances train = shuffled.trainCV(folds, fold, random);
      Instances test = shuffled.testCV(folds, fold);
      Classifier classifier = fresh.get();
      classifier.buildClassifier(train);
      int from = next;
      for (Instance row : test) {
        probability[next] = classifier.distributionForInstance(row)[positive];
        defaulted[next] = (int) row.classValue() == positive;
        next++;
      }
      foldAucs.add(ModelMetrics.auc(
          java.util.Arrays.copyOfRange(probability, from, next), java.util.Arrays.copyOfRange(defaulted, from, next)));
      progress.stepDone(fold + 1, steps);
    }
    return new HeldOut(new ModelMetrics.Predictions(probability, defaulted), foldAucs);
  }

  private static int positive(Instances data, String positiveClass) {
    int positive = data.classAttribute().indexOfValue(positiveClass);
    if (positive < 0) {
      throw new Untrainable("The target has no value " + positiveClass + ".", null);
    }
    return positive;
  }

  private static int minorityCount(Instances data) {
    int[] counts = data.attributeStats(data.classIndex()).nominalCounts;
    return Math.max(2, Math.min(counts[0], counts[1]));
  }

  private static void stopIfInterrupted() {
    if (Thread.currentThread().isInterrupted()) {
      throw new CancellationException("training cancelled");
    }
  }

  private static String optionString(Classifier classifier) {
    return classifier.getClass().getName() + " " + weka.core.Utils.joinOptions(((weka.core.OptionHandler) classifier).getOptions());
  }
}
