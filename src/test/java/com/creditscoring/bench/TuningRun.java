package com.creditscoring.bench;

import com.creditscoring.datasets.control.TableReader;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.ModelMetrics;
import com.creditscoring.models.control.ModelTrainer;
import java.nio.file.Path;
import java.util.Locale;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.Instances;
import weka.core.OptionHandler;
import weka.core.Utils;

/**
 * One tuning run: cross-validates a Weka configuration on the credit-risk file exactly as the
 * product validates its tree learners (the same ModelTrainer code, 10 folds, seed 1, inside the
 * product's FilteredClassifier), then times a final fit on every row. Prints one row of
 * bench/tuning-results.tsv on stdout; run by bench/tuning.sh, which appends it.
 *
 * <p>Arguments: name, Weka classifier options string (class name first), and optionally the CSV.
 */
public final class TuningRun {

  private static final int FOLDS = 10;
  private static final long SEED = 1;

  private TuningRun() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: TuningRun NAME 'WEKA CLASSIFIER OPTIONS' [CSV]");
      System.exit(2);
    }
    String name = args[0];
    String options = args[1];
    Path csv = Path.of(args.length > 2 ? args[2] : "../shared/data/credit_risk_dataset.csv");
    Instances data = TableReader.readCsv(csv, "loan_status", TableReader.Limits.DEFAULT);

    ModelTrainer.CrossValidation cv =
        ModelTrainer.crossValidate(
            data, "1", () -> pipeline(options), FOLDS, SEED,
            (done, total) -> System.err.printf("%s: fold %d/%d%n", name, done, total));
    ModelMetrics metrics = cv.metrics();

    Classifier fitted = pipeline(options);
    // Read before fitting: the FilteredClassifier reseeds a randomizable classifier when it fits.
    Classifier configured = ((FilteredClassifier) fitted).getClassifier();
    String canonical = configured.getClass().getName() + " " + Utils.joinOptions(((OptionHandler) configured).getOptions());
    long started = System.nanoTime();
    fitted.buildClassifier(data);
    double fitSeconds = (System.nanoTime() - started) / 1e9;
    System.out.printf(
        Locale.ROOT, "%s\t%.4f\t%.4f\t%.4f\t%.4f\t%.1f\t%.1f\t%s%n",
        name, metrics.auc(), metrics.brier(), metrics.accuracy(), logLoss(cv.predictions()),
        metrics.trainingSeconds(), fitSeconds, canonical);
  }

  /**
   * The product's tree pipeline (boosted_trees' FilteredClassifier) with the configured classifier
   * in place of the default one, and a filter that passes every attribute through: a configuration
   * that wants the product's TreeEncoding names it (FilteredClassifier -F ...TreeEncoding).
   */
  private static Classifier pipeline(String options) {
    try {
      String[] words = Utils.splitOptions(options);
      String className = words[0];
      words[0] = "";
      FilteredClassifier pipeline = Learner.BOOSTED_TREES.classifier(Learner.BOOSTED_TREES.options(java.util.Map.of()));
      pipeline.setFilter(new weka.filters.AllFilter());
      pipeline.setClassifier(AbstractClassifier.forName(className, words));
      return pipeline;
    } catch (Exception e) {
      throw new IllegalArgumentException("not a Weka classifier: " + options + " (" + e.getMessage() + ")", e);
    }
  }

  /** Mean negative log-likelihood of the held-out predictions, probabilities clipped to 1e-15. */
  private static double logLoss(ModelMetrics.Predictions predictions) {
    double[] p = predictions.probability();
    boolean[] y = predictions.defaulted();
    double sum = 0;
    for (int i = 0; i < p.length; i++) {
      double q = Math.min(1 - 1e-15, Math.max(1e-15, y[i] ? p[i] : 1 - p[i]));
      sum -= Math.log(q);
    }
    return sum / p.length;
  }
}
