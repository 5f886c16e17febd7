package com.creditscoring.models.control;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import weka.core.Attribute;
import weka.core.Capabilities;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.SimpleBatchFilter;

/**
 * How boosted trees see a nominal field: its categories ranked by their default rate in the
 * training rows, plus one 0/1 column per category. Numeric fields pass through.
 *
 * <p>Why: a regression tree splits a nominal field into one branch per category, which spends a
 * whole level of a shallow tree on each such split. Ranked by default rate, a field's categories
 * need only one binary split to separate the riskier from the safer ones (the order in which
 * Breiman et al. showed the best binary split lies), and an ordered field such as a loan grade gets
 * its natural order without anyone naming it. The 0/1 columns let a tree single out one category.
 * On the credit-risk file this is worth +0.002 AUC and -0.0014 Brier (bench/tuning-results.tsv).
 *
 * <p>The ranks are learnt from the first batch only, the training rows the FilteredClassifier
 * hands over, so cross-validation never sees a held-out row's label. A category unseen in training
 * ranks with the overall default rate. Every output column comes from exactly one input field
 * ({@link #sourceOf}), which is what lets explanations credit each field exactly.
 */
public final class TreeEncoding extends SimpleBatchFilter {

  private static final long serialVersionUID = 1L;

  /** Per input attribute: each category's rank by training default rate; null for the class and numeric ones. */
  private double[][] ranks;

  /** Per output column: the input attribute it is computed from. */
  private int[] source;

  /** Per output column: the category it marks with 1, or -1 for a rank or a numeric value. */
  private int[] category;

  @Override
  public String globalInfo() {
    return "Ranks each nominal attribute's values by the training rate of the positive class and adds one 0/1 column per value.";
  }

  @Override
  public Capabilities getCapabilities() {
    Capabilities capabilities = super.getCapabilities();
    capabilities.disableAll();
    capabilities.enableAllAttributes();
    capabilities.enable(Capabilities.Capability.MISSING_VALUES);
    capabilities.enable(Capabilities.Capability.NOMINAL_CLASS);
    capabilities.enable(Capabilities.Capability.MISSING_CLASS_VALUES);
    return capabilities;
  }

  @Override
  protected Instances determineOutputFormat(Instances input) {
    ArrayList<Attribute> columns = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    List<Integer> categories = new ArrayList<>();
    int classColumn = -1;
    for (int a = 0; a < input.numAttributes(); a++) {
      Attribute attribute = input.attribute(a);
      if (a == input.classIndex()) {
        classColumn = columns.size();
        columns.add((Attribute) attribute.copy());
        sources.add(a);
        categories.add(-1);
      } else if (attribute.isNominal()) {
        columns.add(new Attribute(attribute.name() + "#rank"));
        sources.add(a);
        categories.add(-1);
        for (int v = 0; v < attribute.numValues(); v++) {
          columns.add(new Attribute(attribute.name() + "=" + attribute.value(v)));
          sources.add(a);
          categories.add(v);
        }
      } else {
        columns.add((Attribute) attribute.copy());
        sources.add(a);
        categories.add(-1);
      }
    }
    source = sources.stream().mapToInt(Integer::intValue).toArray();
    category = categories.stream().mapToInt(Integer::intValue).toArray();
    Instances output = new Instances(input.relationName(), columns, 0);
    output.setClassIndex(classColumn);
    return output;
  }

  @Override
  protected Instances process(Instances instances) {
    if (!isFirstBatchDone()) {
      ranks = rankCategories(instances);
    }
    Instances output = new Instances(getOutputFormat(), instances.numInstances());
    for (Instance instance : instances) {
      output.add(new DenseInstance(instance.weight(), encode(instance.toDoubleArray())));
    }
    return output;
  }

  /** One row in the input's layout, encoded; pure, so any number of threads may call it. */
  public double[] encode(double[] input) {
    double[] output = new double[source.length];
    for (int c = 0; c < output.length; c++) {
      double value = input[source[c]];
      if (Utils.isMissingValue(value)) {
        output[c] = value;
      } else if (ranks[source[c]] == null) {
        output[c] = value;
      } else if (category[c] < 0) {
        output[c] = ranks[source[c]][(int) value];
      } else {
        output[c] = (int) value == category[c] ? 1 : 0;
      }
    }
    return output;
  }

  /** The input attribute an output column is computed from. */
  public int sourceOf(int outputColumn) {
    return source[outputColumn];
  }

  private double[][] rankCategories(Instances training) {
    int classIndex = training.classIndex();
    // With a binary class, ranking by either value's rate gives a tree the same splits (one order
    // is the other reversed), so the filter need not know which value means default.
    int positive = training.classAttribute().numValues() - 1;
    double[][] result = new double[training.numAttributes()][];
    double overallPositive = 0;
    double overallWeight = 0;
    for (Instance row : training) {
      if (!row.classIsMissing()) {
        overallWeight += row.weight();
        overallPositive += (int) row.classValue() == positive ? row.weight() : 0;
      }
    }
    double overallRate = overallWeight > 0 ? overallPositive / overallWeight : 0;
    for (int a = 0; a < training.numAttributes(); a++) {
      Attribute attribute = training.attribute(a);
      if (a == classIndex || !attribute.isNominal()) {
        continue;
      }
      double[] positives = new double[attribute.numValues()];
      double[] weights = new double[attribute.numValues()];
      for (Instance row : training) {
        if (!row.isMissing(a) && !row.classIsMissing()) {
          int v = (int) row.value(a);
          weights[v] += row.weight();
          positives[v] += (int) row.classValue() == positive ? row.weight() : 0;
        }
      }
      Integer[] order = new Integer[attribute.numValues()];
      double[] rates = new double[attribute.numValues()];
      for (int v = 0; v < order.length; v++) {
        order[v] = v;
        rates[v] = weights[v] > 0 ? positives[v] / weights[v] : overallRate;
      }
      // Ties keep the declared order, so the ranks are the same on every run.
      Arrays.sort(order, (left, right) -> Double.compare(rates[left], rates[right]));
      result[a] = new double[order.length];
      for (int r = 0; r < order.length; r++) {
        result[a][order[r]] = r;
      }
    }
    return result;
  }
}
