package com.creditscoring.models.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.datasets.control.TableReader;
import com.creditscoring.testing.SharedData;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import weka.classifiers.meta.FilteredClassifier;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;

/**
 * The flat copy of boosted trees against Weka's own model, trained on the real credit-risk rows:
 * the same log-odds, and Shapley values equal to brute force over every coalition of fields.
 */
class BoostedTreesTest {

  private static Instances rows;
  private static int positive;

  @BeforeAll
  static void readRows() {
    Instances all = TableReader.readCsv(SharedData.creditRisk(), "loan_status", TableReader.Limits.DEFAULT);
    all.randomize(new Random(3));
    rows = new Instances(all, 0, 3000);
    positive = rows.classAttribute().indexOfValue("1");
  }

  private static FilteredClassifier trained(boolean encoded) throws Exception {
    FilteredClassifier pipeline =
        Learner.BOOSTED_TREES.classifier(Learner.BOOSTED_TREES.options(Map.of("iterations", 40, "depth", 4)));
    pipeline.setFilter(encoded ? new TreeEncoding() : new weka.filters.AllFilter());
    pipeline.buildClassifier(rows);
    return pipeline;
  }

  private static double wekaLogit(FilteredClassifier model, double[] values) throws Exception {
    Instance instance = new DenseInstance(1, values);
    instance.setDataset(rows);
    double p = model.distributionForInstance(instance)[positive];
    return Math.log(p / (1 - p));
  }

  @Test
  void logOddsAreWekasOwnWithAndWithoutTheEncoding() throws Exception {
    for (boolean encoded : new boolean[] {true, false}) {
      FilteredClassifier model = trained(encoded);
      BoostedTrees trees = BoostedTrees.of(model, rows, positive).orElseThrow();
      int withMissing = 0;
      for (int r = 0; r < 500; r++) {
        double[] values = rows.instance(r).toDoubleArray();
        withMissing += rows.instance(r).hasMissingValue() ? 1 : 0;
        assertEquals(wekaLogit(model, values), trees.logit(values), 1e-9, "row " + r + " encoded " + encoded);
      }
      assertTrue(withMissing > 10, "the rows include applicants with missing values: " + withMissing);
    }
  }

  @Test
  void shapleyValuesEqualBruteForceOverEveryCoalition() throws Exception {
    for (boolean encoded : new boolean[] {true, false}) {
      FilteredClassifier model = trained(encoded);
      BoostedTrees trees = BoostedTrees.of(model, rows, positive).orElseThrow();
      double[] reference = rows.instance(0).toDoubleArray();
      for (int r : new int[] {1, 2, firstWithMissing(), 7}) {
        double[] applicant = rows.instance(r).toDoubleArray();
        double[] exact = bruteForce(model, applicant, reference);
        BoostedTrees.Shapley shapley = trees.contributions(applicant, reference);
        double[] fast = shapley.values();
        for (int a = 0; a < exact.length; a++) {
          assertEquals(exact[a], fast[a], 1e-9, rows.attribute(a).name() + " of row " + r + " encoded " + encoded);
        }
        double sum = java.util.Arrays.stream(fast).sum();
        assertEquals(trees.logit(applicant) - trees.logit(reference), sum, 1e-9);
        assertTrue(java.util.Arrays.stream(fast).anyMatch(v -> Math.abs(v) > 1e-3), "row " + r + " differs from the reference");
      }
    }
  }

  @Test
  void theWalkGivesTheApplicantsOwnLogOddsWithTheShapleyValues() throws Exception {
    for (boolean encoded : new boolean[] {true, false}) {
      FilteredClassifier model = trained(encoded);
      BoostedTrees trees = BoostedTrees.of(model, rows, positive).orElseThrow();
      double[] reference = rows.instance(0).toDoubleArray();
      int withMissing = 0;
      for (int r = 0; r < 500; r++) {
        double[] applicant = rows.instance(r).toDoubleArray();
        withMissing += rows.instance(r).hasMissingValue() ? 1 : 0;
        assertEquals(wekaLogit(model, applicant), trees.contributions(applicant, reference).logit(), 1e-9, "row " + r + " encoded " + encoded);
      }
      assertTrue(withMissing > 10, "the rows include applicants with missing values: " + withMissing);
    }
  }

  @Test
  void theRememberedReferenceLogitFollowsTheReferenceItIsAskedFor() throws Exception {
    BoostedTrees trees = BoostedTrees.of(trained(true), rows, positive).orElseThrow();
    double[] first = rows.instance(0).toDoubleArray();
    double[] second = rows.instance(1).toDoubleArray();
    assertEquals(trees.logit(first), trees.referenceLogit(first), 0);
    assertEquals(trees.logit(second), trees.referenceLogit(second), 0);
    assertTrue(trees.logit(first) != trees.logit(second), "the two references differ");
    double[] reused = second;
    double[] third = rows.instance(7).toDoubleArray();
    assertTrue(trees.logit(third) != trees.logit(second), "rows 1 and 7 score differently");
    System.arraycopy(third, 0, reused, 0, third.length);
    assertEquals(trees.logit(third), trees.referenceLogit(reused), 0, "an array changed in place is not taken for the one remembered");
  }

  @Test
  void otherLearnersAreNotReadAsBoostedTrees() throws Exception {
    FilteredClassifier forest = Learner.RANDOM_FOREST.classifier(Learner.RANDOM_FOREST.options(Map.of("trees", 10)));
    forest.buildClassifier(rows);
    assertTrue(BoostedTrees.of(forest, rows, positive).isEmpty());
  }

  private static int firstWithMissing() {
    for (int r = 1; r < rows.numInstances(); r++) {
      if (rows.instance(r).hasMissingValue()) {
        return r;
      }
    }
    throw new IllegalStateException("no row with a missing value");
  }

  /** Baseline Shapley values by their definition: every coalition of the other fields, weighted. */
  private static double[] bruteForce(FilteredClassifier model, double[] applicant, double[] reference) throws Exception {
    int[] fields = java.util.stream.IntStream.range(0, rows.numAttributes()).filter(a -> a != rows.classIndex()).toArray();
    int n = fields.length;
    double[] value = new double[1 << n];
    for (int mask = 0; mask < value.length; mask++) {
      double[] hybrid = reference.clone();
      for (int f = 0; f < n; f++) {
        if ((mask & (1 << f)) != 0) {
          hybrid[fields[f]] = applicant[fields[f]];
        }
      }
      value[mask] = wekaLogit(model, hybrid);
    }
    double[] factorial = new double[n + 1];
    factorial[0] = 1;
    for (int i = 1; i <= n; i++) {
      factorial[i] = factorial[i - 1] * i;
    }
    double[] shapley = new double[rows.numAttributes()];
    for (int f = 0; f < n; f++) {
      for (int mask = 0; mask < value.length; mask++) {
        if ((mask & (1 << f)) == 0) {
          int size = Integer.bitCount(mask);
          double weight = factorial[size] * factorial[n - size - 1] / factorial[n];
          shapley[fields[f]] += weight * (value[mask | (1 << f)] - value[mask]);
        }
      }
    }
    return shapley;
  }
}
