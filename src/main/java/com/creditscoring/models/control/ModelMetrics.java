package com.creditscoring.models.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * How good a model is, measured on applicants it did not see: every number comes from the
 * cross-validation folds' held-out predictions, never from the training set.
 *
 * @param auc area under the ROC curve (Mann-Whitney, ties counted half)
 * @param gini 2·AUC − 1, the banking convention
 * @param ks Kolmogorov-Smirnov: the largest gap between the cumulative rates of bad and good
 * @param cutoff probability of default at and above which an applicant counts as "bad" below
 * @param brier mean squared error of the probability of default
 * @param calibration predicted against observed default rate per decile of prediction
 * @param roc up to about 100 points of the ROC curve, from (0,0) to (1,1)
 * @param foldAucs the AUC of each fold's held-out rows; null for a fold whose held-out rows all
 *     had one outcome, where AUC is undefined (JSON has no NaN, and a NaN here once made the whole
 *     model unstorable)
 * @param distribution the held-out predictions counted in bins of probability of default one
 *     percentage point wide (only bins with applicants), so that what any cut-off or risk band on
 *     whole percentages would have done can be worked out later; absent for models trained before
 *     it was kept
 */
public record ModelMetrics(
    int folds,
    int rows,
    double auc,
    double gini,
    double ks,
    double cutoff,
    double accuracy,
    double precision,
    double recall,
    double f1,
    double brier,
    Confusion confusion,
    List<CalibrationBin> calibration,
    List<RocPoint> roc,
    List<Double> foldAucs,
    double trainingSeconds,
    List<ProbabilityBin> distribution) {

  /** Counts at the cut-off; "positive" means predicted or actual default. */
  public record Confusion(int truePositives, int falsePositives, int trueNegatives, int falseNegatives) {}

  public record CalibrationBin(int decile, int count, double meanPredicted, double observedRate) {}

  public record RocPoint(double falsePositiveRate, double truePositiveRate) {}

  /** Applicants predicted at least {@code from} and below {@code from} + 0.01, and how many defaulted. */
  public record ProbabilityBin(double from, int count, int defaults) {}

  /** Held-out predictions: probability of default and whether the applicant defaulted. */
  public record Predictions(double[] probability, boolean[] defaulted) {}

  public static ModelMetrics of(Predictions predictions, double cutoff, int folds, List<Double> foldAucs, double seconds) {
    double[] p = predictions.probability();
    boolean[] y = predictions.defaulted();
    int n = p.length;
    int tp = 0, fp = 0, tn = 0, fn = 0;
    double squaredError = 0;
    for (int i = 0; i < n; i++) {
      boolean predicted = p[i] >= cutoff;
      if (predicted && y[i]) tp++;
      else if (predicted) fp++;
      else if (y[i]) fn++;
      else tn++;
      double error = p[i] - (y[i] ? 1 : 0);
      squaredError += error * error;
    }
    double auc = auc(p, y);
    double precision = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
    double recall = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
    return new ModelMetrics(
        folds,
        n,
        auc,
        2 * auc - 1,
        ks(p, y),
        cutoff,
        (tp + tn) / (double) n,
        precision,
        recall,
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
        squaredError / n,
        new Confusion(tp, fp, tn, fn),
        calibration(p, y),
        roc(p, y),
        definedOnly(foldAucs),
        seconds,
        distribution(p, y));
  }

  /** The values with each NaN as null: the stored JSON must stay JSON. */
  static List<Double> definedOnly(List<Double> values) {
    List<Double> defined = new ArrayList<>(values.size());
    values.forEach(v -> defined.add(v == null || v.isNaN() ? null : v));
    return Collections.unmodifiableList(defined);
  }

  /** Probability that a random defaulter scores above a random non-defaulter; NaN with only one outcome. */
  public static double auc(double[] p, boolean[] y) {
    Integer[] order = sortedIndexes(p);
    double rankSumPositive = 0;
    long positives = 0;
    int i = 0;
    while (i < order.length) {
      int j = i;
      while (j + 1 < order.length && p[order[j + 1]] == p[order[i]]) {
        j++;
      }
      double averageRank = (i + j) / 2.0 + 1;
      for (int k = i; k <= j; k++) {
        if (y[order[k]]) {
          rankSumPositive += averageRank;
          positives++;
        }
      }
      i = j + 1;
    }
    long negatives = p.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (rankSumPositive - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }

  static double ks(double[] p, boolean[] y) {
    Integer[] order = sortedIndexes(p);
    long positives = 0;
    for (boolean b : y) {
      if (b) positives++;
    }
    long negatives = y.length - positives;
    double best = 0;
    long seenPositive = 0, seenNegative = 0;
    for (int i = order.length - 1; i >= 0; i--) {
      if (y[order[i]]) seenPositive++;
      else seenNegative++;
      if (i == 0 || p[order[i - 1]] != p[order[i]]) {
        best = Math.max(best, Math.abs(seenPositive / (double) positives - seenNegative / (double) negatives));
      }
    }
    return best;
  }

  static List<ProbabilityBin> distribution(double[] p, boolean[] y) {
    int[] counts = new int[100];
    int[] defaults = new int[100];
    for (int i = 0; i < p.length; i++) {
      int bin = Math.min(99, (int) (p[i] * 100));
      counts[bin]++;
      defaults[bin] += y[i] ? 1 : 0;
    }
    List<ProbabilityBin> bins = new ArrayList<>();
    for (int bin = 0; bin < 100; bin++) {
      if (counts[bin] > 0) {
        bins.add(new ProbabilityBin(bin / 100.0, counts[bin], defaults[bin]));
      }
    }
    return bins;
  }

  static List<CalibrationBin> calibration(double[] p, boolean[] y) {
    Integer[] order = sortedIndexes(p);
    List<CalibrationBin> bins = new ArrayList<>();
    for (int decile = 0; decile < 10; decile++) {
      int from = (int) ((long) order.length * decile / 10);
      int to = (int) ((long) order.length * (decile + 1) / 10);
      if (to <= from) {
        continue;
      }
      double predicted = 0;
      int observed = 0;
      for (int k = from; k < to; k++) {
        predicted += p[order[k]];
        observed += y[order[k]] ? 1 : 0;
      }
      int count = to - from;
      bins.add(new CalibrationBin(decile + 1, count, predicted / count, observed / (double) count));
    }
    return bins;
  }

  static List<RocPoint> roc(double[] p, boolean[] y) {
    Integer[] order = sortedIndexes(p);
    long positives = 0;
    for (boolean b : y) {
      if (b) positives++;
    }
    long negatives = y.length - positives;
    List<RocPoint> points = new ArrayList<>();
    points.add(new RocPoint(0, 0));
    int step = Math.max(1, order.length / 100);
    long tp = 0, fp = 0;
    for (int i = order.length - 1, taken = 0; i >= 0; i--, taken++) {
      if (y[order[i]]) tp++;
      else fp++;
      boolean thresholdEnds = i == 0 || p[order[i - 1]] != p[order[i]];
      if (thresholdEnds && taken % step == 0) {
        points.add(new RocPoint(fp / (double) Math.max(1, negatives), tp / (double) Math.max(1, positives)));
      }
    }
    points.add(new RocPoint(1, 1));
    return points;
  }

  private static Integer[] sortedIndexes(double[] p) {
    Integer[] order = new Integer[p.length];
    Arrays.setAll(order, i -> i);
    Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
    return order;
  }
}
