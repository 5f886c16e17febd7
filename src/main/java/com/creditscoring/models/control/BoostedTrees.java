package com.creditscoring.models.control;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import weka.classifiers.Classifier;
import weka.classifiers.meta.FilteredClassifier;
import weka.classifiers.meta.LogitBoost;
import weka.classifiers.trees.REPTree;
import weka.core.Instances;
import weka.core.Utils;
import weka.filters.AllFilter;
import weka.filters.Filter;

/**
 * A trained boosted-trees model (LogitBoost over REPTree, behind no filter or {@link TreeEncoding})
 * copied into flat arrays, for two things Weka's objects do slowly or not at all:
 * <ul>
 *   <li>the log-odds of default of an applicant, with no per-tree copies or allocations, and safe
 *       to call from any number of threads;
 *   <li>each field's exact baseline Shapley value against a reference applicant: per tree, only the
 *       leaves the applicant or the reference can reach are visited, and each leaf's value is
 *       shared among the fields that decide between them (the "interventional" tree Shapley value
 *       with a single reference; Lundberg et al., 2020, and Sundararajan &amp; Najmi, 2020). Where
 *       the applicant has a missing value, REPTree sends it down every branch in the training
 *       proportions, and the walk follows the same weights.
 * </ul>
 * It reproduces Weka's own log-odds (checked in BoostedTreesTest against Weka's model, and the
 * Shapley values against brute-force enumeration of every coalition).
 */
public final class BoostedTrees {

  private static final int LEAF = -1;

  /**
   * The nodes, {@link #STRIDE} ints each: the (encoded) column a node splits on or {@link #LEAF},
   * where its branches start in {@link #child} and {@link #proportion}, its shape (how many
   * branches, times two, plus one if its column is nominal: one branch per category), and a slot
   * for the reference's branch, which only a {@link Reference}'s copy fills. A node's ints sit side
   * by side, so a step of a walk reads one cache line rather than one per array: hundreds of trees
   * do not fit a core's cache, and separate arrays made every step several misses.
   */
  private final int[] nodes;

  private static final int STRIDE = 4;
  private static final int COLUMN = 0;
  private static final int FIRST_BRANCH = 1;
  private static final int SHAPE = 2;
  private static final int REFERENCE_BRANCH = 3;

  /** Per node: its split point, or for a leaf its output, already scaled and signed as a term of the log-odds of default. */
  private final double[] number;
  /** Per branch: the node it leads to. */
  private final int[] child;
  /** Per branch: the share of training weight it got, for applicants missing the column. */
  private final double[] proportion;

  private final int[] roots;
  private final double intercept;
  private final TreeEncoding encoding;
  /** Per encoded column: the input attribute (the field) it comes from. */
  private final int[] fieldOf;

  private final int inputWidth;

  /** The last reference used, with its log-odds and the branch it takes at every node. */
  private volatile Reference lastReference;

  /**
   * @param nodes {@link BoostedTrees#nodes} with the branch the reference takes at each node, or -1
   *     where it lacks the column (and is sent down every branch)
   */
  private record Reference(double[] values, double logit, int[] nodes) {}

  private BoostedTrees(Builder built, double intercept, TreeEncoding encoding, int[] fieldOf, int inputWidth) {
    int count = built.column.size();
    this.nodes = new int[count * STRIDE];
    this.number = new double[count];
    int total = built.children.stream().mapToInt(c -> c == null ? 0 : c.length).sum();
    this.child = new int[total];
    this.proportion = new double[total];
    int next = 0;
    for (int n = 0; n < count; n++) {
      int[] children = built.children.get(n);
      int branches = children == null ? 0 : children.length;
      nodes[n * STRIDE + COLUMN] = built.column.get(n);
      nodes[n * STRIDE + FIRST_BRANCH] = next;
      nodes[n * STRIDE + SHAPE] = branches * 2 + (built.nominal.get(n) ? 1 : 0);
      nodes[n * STRIDE + REFERENCE_BRANCH] = -1;
      number[n] = built.column.get(n) == LEAF ? built.value.get(n) : built.splitPoint.get(n);
      for (int c = 0; c < branches; c++) {
        child[next] = children[c];
        proportion[next] = built.proportions.get(n)[c];
        next++;
      }
    }
    this.roots = built.roots.stream().mapToInt(Integer::intValue).toArray();
    this.intercept = intercept;
    this.encoding = encoding;
    this.fieldOf = fieldOf;
    this.inputWidth = inputWidth;
  }

  /**
   * The flat copy of a trained pipeline, or empty when it is not boosted trees in a form this
   * class reads (another learner, another filter, or a LogitBoost that fell back to a constant).
   *
   * @param positiveIndex the class value meaning default
   */
  public static Optional<BoostedTrees> of(Classifier trained, Instances header, int positiveIndex) {
    if (!(trained instanceof FilteredClassifier pipeline)
        || !(pipeline.getClassifier() instanceof LogitBoost boost)
        || header.numClasses() != 2) {
      return Optional.empty();
    }
    Filter filter = pipeline.getFilter();
    TreeEncoding encoding = filter instanceof TreeEncoding tree ? tree : null;
    if (encoding == null && !(filter instanceof AllFilter)) {
      return Optional.empty();
    }
    if (read(boost, LogitBoost.class, "m_ZeroR") != null) {
      return Optional.empty();
    }
    Classifier[][] iterations = boost.classifiers();
    // Two classes: each iteration fits one tree t, and the log-odds of class 0 against class 1
    // grow by shrinkage * t (LogitBoost.processInstance).
    double sign = positiveIndex == 0 ? 1 : -1;
    double scale = sign * boost.getShrinkage();
    double[] initial = (double[]) read(boost, LogitBoost.class, "m_InitialFs");
    double intercept = initial == null ? 0 : sign * (initial[0] - initial[1]);
    Instances encodedHeader = encoding == null ? header : encoding.getOutputFormat();
    Builder builder = new Builder(encodedHeader);
    for (Classifier[] iteration : iterations) {
      if (!(iteration[0] instanceof REPTree tree) || read(tree, REPTree.class, "m_zeroR") != null) {
        return Optional.empty();
      }
      builder.roots.add(builder.copy(read(tree, REPTree.class, "m_Tree"), scale, 0));
    }
    int[] fieldOf = new int[encodedHeader.numAttributes()];
    for (int c = 0; c < fieldOf.length; c++) {
      fieldOf[c] = encoding == null ? c : encoding.sourceOf(c);
    }
    return Optional.of(new BoostedTrees(builder, intercept, encoding, fieldOf, header.numAttributes()));
  }

  /** The log-odds of default of an applicant given in the training header's layout. */
  public double logit(double[] applicant) {
    double[] x = encode(applicant);
    double sum = intercept;
    for (int root : roots) {
      sum += output(root, x);
    }
    return sum;
  }

  /**
   * The log-odds of a reference applicant, remembered: a model is explained against the same
   * typical applicant every time, so its pass over the trees is paid once, not per explanation.
   */
  public double referenceLogit(double[] reference) {
    return reference(reference).logit();
  }

  /**
   * The reference, worked out once: a model is explained against the same typical applicant every
   * time, so its pass over the trees and its branch at each node are paid once, not per explanation.
   */
  private Reference reference(double[] reference) {
    Reference last = lastReference;
    if (last == null || !Arrays.equals(last.values(), reference)) {
      double[] z = encode(reference);
      int[] withBranches = nodes.clone();
      for (int node = 0; node < number.length; node++) {
        int column = nodes[node * STRIDE + COLUMN];
        withBranches[node * STRIDE + REFERENCE_BRANCH] = column == LEAF || Utils.isMissingValue(z[column]) ? -1 : branch(nodes, node, z[column]);
      }
      last = new Reference(reference.clone(), logit(reference), withBranches);
      lastReference = last;
    }
    return last;
  }

  public double probabilityOfDefault(double[] applicant) {
    return probabilityOf(logit(applicant));
  }

  private static double probabilityOf(double logit) {
    return 1 / (1 + Math.exp(-logit));
  }

  /**
   * An applicant's log-odds of default and each field's exact baseline Shapley value: how much it
   * moves the log-odds from the reference's to the applicant's. The values are indexed like the
   * training header (the class's entry is 0) and add up to {@code logit - logit(reference)}.
   */
  public record Shapley(double logit, double[] values) {

    /** The applicant's probability of default, as {@link BoostedTrees#probabilityOfDefault} gives it. */
    public double probabilityOfDefault() {
      return probabilityOf(logit);
    }
  }

  /**
   * The applicant's {@link Shapley} values against the reference, and its log-odds from the same
   * pass over the trees: the walk reaches every leaf the applicant reaches, so a separate pass for
   * the probability (3 % of a decision's CPU) is not needed.
   */
  public Shapley contributions(double[] applicant, double[] reference) {
    Walk walk = new Walk(encode(applicant), reference(reference).nodes(), new double[inputWidth]);
    walk.logit = intercept;
    for (int root : roots) {
      walk.visit(root);
    }
    return new Shapley(walk.logit, walk.shapley);
  }

  private double[] encode(double[] applicant) {
    return encoding == null ? applicant : encoding.encode(applicant);
  }

  private double output(int node, double[] x) {
    for (int column; (column = nodes[node * STRIDE + COLUMN]) != LEAF; ) {
      double v = x[column];
      int first = nodes[node * STRIDE + FIRST_BRANCH];
      if (Utils.isMissingValue(v)) {
        double sum = 0;
        for (int b = first; b < first + (nodes[node * STRIDE + SHAPE] >> 1); b++) {
          sum += proportion[b] * output(child[b], x);
        }
        return sum;
      }
      node = child[first + branch(nodes, node, v)];
    }
    return number[node];
  }

  /** The branch a value takes at a node, read from {@code nodes} or a reference's copy of it (the same shapes). */
  private int branch(int[] nodes, int node, double v) {
    return (nodes[node * STRIDE + SHAPE] & 1) != 0 ? (int) v : v < number[node] ? 0 : 1;
  }

  /**
   * One applicant's walk through the trees. Along a path, each field f carries the product of the
   * branch weights the applicant's values give (a[f]) and the reference's give (b[f]); a leaf is
   * reached by a coalition S with weight prod over path fields of (f in S ? a[f] : b[f]). The
   * Shapley value of such a product among k fields has a closed form, summed below per leaf.
   */
  private final class Walk {
    private final double[] x;
    /** The nodes with the reference's branch at each (see {@link Reference}). */
    private final int[] nodes;
    private final double[] shapley;
    private final double[] a;
    private final double[] b;
    private final int[] onPath;
    private final int[] seen;
    private int pathLength;
    /** Scratch space for one leaf: the fields that decide it, and a polynomial's coefficients. */
    private final int[] deciding;
    private final double[] polynomial;
    /** The applicant's log-odds so far: each leaf's value times the weight with which it is reached. */
    private double logit;

    Walk(double[] x, int[] nodes, double[] shapley) {
      this.x = x;
      this.nodes = nodes;
      this.shapley = shapley;
      this.a = new double[inputWidth];
      this.b = new double[inputWidth];
      this.onPath = new int[inputWidth];
      this.seen = new int[inputWidth];
      this.deciding = new int[inputWidth];
      this.polynomial = new double[inputWidth];
    }

    void visit(int node) {
      // Where the applicant and the reference take the same branch, every coalition takes it too:
      // both weights stay as they are, so there is nothing to record on the way down.
      int column;
      while ((column = nodes[node * STRIDE + COLUMN]) != LEAF) {
        double xValue = x[column];
        int zBranch = nodes[node * STRIDE + REFERENCE_BRANCH];
        if (zBranch < 0 || Utils.isMissingValue(xValue) || branch(nodes, node, xValue) != zBranch) {
          break;
        }
        node = child[nodes[node * STRIDE + FIRST_BRANCH] + zBranch];
      }
      if (column == LEAF) {
        credit(number[node]);
        return;
      }
      int field = fieldOf[column];
      double xValue = x[column];
      int xBranch = Utils.isMissingValue(xValue) ? -1 : branch(nodes, node, xValue);
      int zBranch = nodes[node * STRIDE + REFERENCE_BRANCH];
      if (seen[field]++ == 0) {
        a[field] = 1;
        b[field] = 1;
        onPath[pathLength++] = field;
      }
      double savedA = a[field];
      double savedB = b[field];
      int first = nodes[node * STRIDE + FIRST_BRANCH];
      int branches = nodes[node * STRIDE + SHAPE] >> 1;
      for (int c = 0; c < branches; c++) {
        double nextA = savedA * (xBranch < 0 ? proportion[first + c] : xBranch == c ? 1 : 0);
        double nextB = savedB * (zBranch < 0 ? proportion[first + c] : zBranch == c ? 1 : 0);
        if (nextA == 0 && nextB == 0) {
          continue;
        }
        a[field] = nextA;
        b[field] = nextB;
        visit(child[first + c]);
      }
      a[field] = savedA;
      b[field] = savedB;
      if (--seen[field] == 0) {
        pathLength--;
      }
    }

    /**
     * Adds the leaf's share to the applicant's log-odds, and shares its value among the fields on
     * its path whose two weights differ.
     */
    private void credit(double leaf) {
      double constant = leaf;
      double reached = leaf;
      int k = 0;
      for (int p = 0; p < pathLength; p++) {
        int f = onPath[p];
        reached *= a[f];
        if (a[f] == b[f]) {
          constant *= a[f];
        } else {
          deciding[k++] = f;
        }
      }
      logit += reached;
      if (k == 0 || constant == 0) {
        return;
      }
      int needApplicant = 0;
      boolean allOrNothing = true;
      for (int i = 0; i < k && allOrNothing; i++) {
        int f = deciding[i];
        if (a[f] == 1 && b[f] == 0) {
          needApplicant++;
        } else {
          allOrNothing = a[f] == 0 && b[f] == 1;
        }
      }
      if (allOrNothing) {
        // No missing value on the path (the usual case): the leaf is reached exactly by the
        // coalitions holding every field whose applicant value leads here and none whose reference
        // value does. The polynomial below then has a single term, so each side gets one weight.
        double applicantSide = needApplicant > 0 ? constant * COALITION_WEIGHTS[k][needApplicant - 1] : 0;
        double referenceSide = needApplicant < k ? -constant * COALITION_WEIGHTS[k][needApplicant] : 0;
        for (int i = 0; i < k; i++) {
          int f = deciding[i];
          shapley[f] += a[f] == 1 ? applicantSide : referenceSide;
        }
        return;
      }
      for (int i = 0; i < k; i++) {
        // Coefficients of prod over the other deciding fields of (b + a t): entry j sums the
        // weights of the coalitions holding j of them.
        java.util.Arrays.fill(polynomial, 0, k, 0);
        polynomial[0] = 1;
        int degree = 0;
        for (int j = 0; j < k; j++) {
          if (j == i) {
            continue;
          }
          int f = deciding[j];
          for (int d = ++degree; d >= 0; d--) {
            polynomial[d] = polynomial[d] * b[f] + (d > 0 ? polynomial[d - 1] * a[f] : 0);
          }
        }
        double share = 0;
        for (int j = 0; j < k; j++) {
          share += polynomial[j] * COALITION_WEIGHTS[k][j];
        }
        int f = deciding[i];
        shapley[f] += constant * (a[f] - b[f]) * share;
      }
    }
  }

  /** [k][j] = j! (k-1-j)! / k!: the Shapley weight of a coalition of j of the other k-1 players. */
  private static final double[][] COALITION_WEIGHTS = coalitionWeights(64);

  private static double[][] coalitionWeights(int max) {
    double[][] weights = new double[max + 1][];
    for (int k = 1; k <= max; k++) {
      weights[k] = new double[k];
      for (int j = 0; j < k; j++) {
        // 1 / (k * C(k-1, j)), computed without factorials.
        double binomial = 1;
        for (int m = 1; m <= j; m++) {
          binomial = binomial * (k - 1 - j + m) / m;
        }
        weights[k][j] = 1 / (k * binomial);
      }
    }
    return weights;
  }

  /** Copies Weka's tree objects into the flat arrays, node by node. */
  private static final class Builder {
    private final Instances encodedHeader;
    final List<Integer> column = new ArrayList<>();
    final List<Boolean> nominal = new ArrayList<>();
    final List<Double> splitPoint = new ArrayList<>();
    final List<int[]> children = new ArrayList<>();
    final List<double[]> proportions = new ArrayList<>();
    final List<Double> value = new ArrayList<>();
    final List<Integer> roots = new ArrayList<>();

    Builder(Instances encodedHeader) {
      this.encodedHeader = encodedHeader;
    }

    /**
     * @param parentValue the parent's own output: REPTree answers with it where a branch holds no
     *     training rows (such a leaf has no output of its own, and no weight in a missing split)
     */
    int copy(Object tree, double scale, double parentValue) {
      Class<?> type = tree.getClass();
      int attribute = (Integer) read(tree, type, "m_Attribute");
      double[] classProbs = (double[]) read(tree, type, "m_ClassProbs");
      double own = classProbs == null ? parentValue : scale * classProbs[0];
      int node = column.size();
      column.add(attribute < 0 ? LEAF : attribute);
      nominal.add(attribute >= 0 && encodedHeader.attribute(attribute).isNominal());
      splitPoint.add((Double) read(tree, type, "m_SplitPoint"));
      proportions.add((double[]) read(tree, type, "m_Prop"));
      value.add(own);
      children.add(null);
      if (attribute >= 0) {
        Object[] successors = (Object[]) read(tree, type, "m_Successors");
        int[] copied = new int[successors.length];
        for (int s = 0; s < successors.length; s++) {
          copied[s] = copy(successors[s], scale, own);
        }
        children.set(node, copied);
      }
      return node;
    }
  }

  /**
   * Weka keeps a trained tree's structure in protected fields with no accessors; they have kept
   * these names since 3.6. A Weka upgrade that renames one fails here, at model load, loudly.
   */
  private static Object read(Object target, Class<?> declaring, String name) {
    try {
      Field field = declaring.getDeclaredField(name);
      field.setAccessible(true);
      return field.get(target);
    } catch (ReflectiveOperationException | RuntimeException e) {
      throw new IllegalStateException("cannot read " + declaring.getSimpleName() + "." + name + " from Weka " + weka.core.Version.VERSION, e);
    }
  }
}
