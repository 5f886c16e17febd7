package com.creditscoring.scoring.control;

import com.creditscoring.models.control.BoostedTrees;
import com.creditscoring.models.control.InputField;
import com.creditscoring.models.control.LoadedModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Utils;

/**
 * How much each field moved an applicant's log-odds of default away from a typical applicant's
 * (each numeric field at its training mean, each category at its commonest value): Baseline
 * Shapley values (Sundararajan &amp; Najmi, "The many Shapley values for model explanation", 2020).
 *
 * <p>They are estimated by walking random orderings of the fields from the typical applicant to
 * this one, switching one field at a time and crediting it with the change (Štrumbelj &amp;
 * Kononenko, 2014). Every walk ends at this applicant, so the contributions always add up exactly
 * to {@code logit(applicant) - logit(typical)}. Logistic regression is additive in the log-odds, so
 * one walk already gives its exact contributions. Boosted trees need no walks either: their exact
 * values are read off the trees' paths ({@link BoostedTrees}). A random forest averages
 * probabilities, not log-odds, so it gets several walks, each with its reverse to cancel order
 * effects. The orderings come from a fixed seed: the same applicant always gets the same
 * explanation.
 */
public final class Contributions {

  /** Logistic regression is additive in the log-odds: one walk is exact. */
  static final String EXACT = "exact: logistic regression is additive in the log-odds";

  static final String SAMPLED = "baseline Shapley values against the typical applicant, permutation sampling";

  /** Boosted trees: every coalition's value read off the trees' paths, no sampling. */
  static final String EXACT_TREES = "exact: baseline Shapley values against the typical applicant, read off the boosted trees' paths";

  private static final double EPSILON = 1e-6;
  private static final long SEED = 20_240_917L;

  /** One field's part in the decision; a positive contribution raises the risk. */
  public record Contribution(String field, Object value, Object typical, double contribution) {}

  /**
   * @param probabilityOfDefault the model's probability of default for this applicant
   * @param baseLogit the typical applicant's log-odds of default
   * @param logit this applicant's; {@code baseLogit} plus all contributions
   */
  public record Explanation(
      double probabilityOfDefault, double baseLogit, double logit, List<Contribution> contributions, String method, int walks) {}

  private Contributions() {}

  /**
   * @param walks orderings to average for models that are not additive (rounded up to an even
   *     number); ignored for logistic regression
   */
  public static Explanation of(LoadedModel model, Instance applicant, int walks) {
    List<InputField> fields = model.schema();
    int n = fields.size();
    int[] index = new int[n];
    double[] typical = new double[n];
    for (int f = 0; f < n; f++) {
      Attribute attribute = model.header().attribute(fields.get(f).name());
      index[f] = attribute.index();
      Object value = fields.get(f).typical();
      typical[f] = attribute.isNumeric() ? ((Number) value).doubleValue() : attribute.indexOfValue((String) value);
    }
    double[] start = applicant.toDoubleArray();
    for (int f = 0; f < n; f++) {
      start[index[f]] = typical[f];
    }
    if (model.boostedTrees().isPresent()) {
      return fromTrees(model, model.boostedTrees().get(), applicant, fields, index, start);
    }
    boolean additive = "logistic".equals(model.algorithm());
    if (additive) {
      LinearTerms terms = linearTerms(model, fields, index, start);
      if (terms != null) {
        return terms.explain(model, applicant, fields, index);
      }
    }
    double baseLogit = logit(model, start);
    double[] sums = new double[n];
    int orderings = additive ? 1 : Math.max(2, walks + walks % 2);
    Random random = new Random(SEED);
    int[] order = identity(n);
    double logit = baseLogit;
    for (int walk = 0; walk < orderings; walk++) {
      if (walk % 2 == 0) {
        shuffle(order, random);
      } else {
        reverse(order);
      }
      double[] values = start.clone();
      double previous = baseLogit;
      for (int f : order) {
        values[index[f]] = applicant.value(index[f]);
        double next = logit(model, values);
        sums[f] += next - previous;
        previous = next;
      }
      logit = previous;
    }
    List<Contribution> contributions = new ArrayList<>(n);
    for (int f = 0; f < n; f++) {
      Attribute attribute = model.header().attribute(index[f]);
      contributions.add(new Contribution(fields.get(f).name(), valueOf(attribute, applicant.value(index[f])), fields.get(f).typical(), sums[f] / orderings));
    }
    return new Explanation(
        model.probabilityOfDefault(applicant), baseLogit, logit, contributions, additive ? EXACT : SAMPLED + " (" + orderings + " orderings)", orderings);
  }

  private static Explanation fromTrees(
      LoadedModel model, BoostedTrees trees, Instance applicant, List<InputField> fields, int[] index, double[] typical) {
    double[] values = applicant.toDoubleArray();
    BoostedTrees.Shapley shapley = trees.contributions(values, typical);
    List<Contribution> contributions = new ArrayList<>(fields.size());
    for (int f = 0; f < fields.size(); f++) {
      Attribute attribute = model.header().attribute(index[f]);
      contributions.add(new Contribution(fields.get(f).name(), valueOf(attribute, values[index[f]]), fields.get(f).typical(), shapley.values()[index[f]]));
    }
    // The walk's log-odds are the trees' own for this applicant, so no second pass over them.
    return new Explanation(
        shapley.probabilityOfDefault(), trees.referenceLogit(typical), shapley.logit(), contributions, EXACT_TREES, 1);
  }

  /**
   * A logistic model's contributions, worked out once per model: each category's and each
   * missing value's contribution, and each numeric field's contribution per unit, which is constant
   * because the log-odds are linear in it. Explaining an applicant then costs no score at all
   * instead of one per field. Built from the model's own scores, and checked for linearity; if the check fails
   * the walk is used instead.
   */
  private record LinearTerms(LoadedModel model, double baseLogit, double[] typical, double[] perUnit, double[][] perCategory, double[] missing) {

    Explanation explain(LoadedModel loaded, Instance applicant, List<InputField> fields, int[] index) {
      List<Contribution> contributions = new ArrayList<>(fields.size());
      // The model is linear in the log-odds (checked when the terms were built), so the applicant's
      // log-odds are the sum: scoring the applicant again here cost 7 % of a decision.
      double logit = baseLogit;
      for (int f = 0; f < fields.size(); f++) {
        double x = applicant.value(index[f]);
        double contribution =
            Utils.isMissingValue(x) ? missing[f] : perCategory[f] != null ? perCategory[f][(int) x] : perUnit[f] * (x - typical[f]);
        Attribute attribute = loaded.header().attribute(index[f]);
        contributions.add(new Contribution(fields.get(f).name(), valueOf(attribute, x), fields.get(f).typical(), contribution));
        logit += contribution;
      }
      return new Explanation(loaded.probabilityOfDefault(applicant), baseLogit, logit, contributions, EXACT, 1);
    }
  }

  /** The terms of the model scored last; the active model rarely changes. */
  private static final java.util.concurrent.atomic.AtomicReference<LinearTerms> LINEAR = new java.util.concurrent.atomic.AtomicReference<>();

  private static LinearTerms linearTerms(LoadedModel model, List<InputField> fields, int[] index, double[] start) {
    LinearTerms cached = LINEAR.get();
    if (cached != null && cached.model() == model) {
      return cached;
    }
    int n = fields.size();
    double base = logit(model, start);
    double[] typical = new double[n];
    double[] perUnit = new double[n];
    double[][] perCategory = new double[n][];
    double[] missing = new double[n];
    for (int f = 0; f < n; f++) {
      typical[f] = start[index[f]];
      double[] values = start.clone();
      values[index[f]] = Utils.missingValue();
      missing[f] = logit(model, values) - base;
      Attribute attribute = model.header().attribute(index[f]);
      if (attribute.isNominal()) {
        perCategory[f] = new double[attribute.numValues()];
        for (int v = 0; v < attribute.numValues(); v++) {
          values[index[f]] = v;
          perCategory[f][v] = logit(model, values) - base;
        }
      } else {
        InputField field = fields.get(f);
        double step = field.observedMax() != null && field.observedMax() > field.observedMin() ? field.observedMax() - field.observedMin() : 1;
        values[index[f]] = typical[f] + step;
        double once = logit(model, values) - base;
        values[index[f]] = typical[f] + 2 * step;
        double twice = logit(model, values) - base;
        if (Math.abs(twice - 2 * once) > 1e-6 * Math.max(1, Math.abs(once))) {
          return null;
        }
        perUnit[f] = once / step;
      }
    }
    LinearTerms terms = new LinearTerms(model, base, typical, perUnit, perCategory, missing);
    LINEAR.set(terms);
    return terms;
  }

  /** The contributions ordered by size, whichever their direction: what explanations show first. */
  public static List<Contribution> largestFirst(List<Contribution> contributions) {
    return contributions.stream().sorted(java.util.Comparator.comparingDouble((Contribution c) -> -Math.abs(c.contribution()))).toList();
  }

  /** The log-odds of default, with probabilities of exactly 0 or 1 (a unanimous forest) held just inside. */
  public static double logit(double probabilityOfDefault) {
    double p = Math.min(Math.max(probabilityOfDefault, EPSILON), 1 - EPSILON);
    return Math.log(p / (1 - p));
  }

  private static double logit(LoadedModel model, double[] values) {
    Instance instance = new DenseInstance(1.0, values);
    instance.setDataset(model.header());
    return logit(model.probabilityOfDefault(instance));
  }

  /** The applicant's value as the API shows it: a number, a category, or null when not given. */
  static Object valueOf(Attribute attribute, double value) {
    if (Utils.isMissingValue(value)) {
      return null;
    }
    return attribute.isNumeric() ? (Object) value : attribute.value((int) value);
  }

  private static int[] identity(int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    return order;
  }

  private static void shuffle(int[] order, Random random) {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  private static void reverse(int[] order) {
    for (int i = 0, j = order.length - 1; i < j; i++, j--) {
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }
}
