package com.creditscoring.models.control;

import com.creditscoring.ops.control.SnakeCase;
import com.creditscoring.datasets.control.DatasetCatalog;
import com.creditscoring.datasets.entity.Dataset;
import com.creditscoring.models.entity.Comparison;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.storage.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import weka.core.Instances;

/**
 * The seed's comparison of learners, by cross-validation on the active dataset: which learner to
 * train for real. Results are stored per dataset and served again until the dataset changes.
 */
@ApplicationScoped
public class LearnerComparison {

  private static final Logger LOG = Logger.getLogger(LearnerComparison.class.getName());

  @Inject Database database;
  @Inject DatasetCatalog datasets;
  @Inject ModelRegistry registry;
  @Inject Clock clock;

  /**
   * One learner's cross-validated figures, in the seed's field names.
   *
   * @param roc its ROC curve from the held-out predictions; null in comparisons stored before
   *     curves were kept
   */
  public record Result(
      String model, double accuracy, double auc, double gini, double ks, double brier, double trainSeconds, List<ModelMetrics.RocPoint> roc) {}

  /** A comparison and when it was made; {@code reused} when it was stored by an earlier call. */
  public record Compared(List<Result> results, Instant comparedAt, boolean reused) {}

  /** The dataset training works on: the active model's, or else the newest one. */
  public Dataset activeDataset() {
    Optional<Long> fromModel = registry.active().map(m -> m.model().datasetId());
    return fromModel.map(datasets::find)
        .or(datasets::newest)
        .orElseThrow(() -> com.creditscoring.problems.ProblemException.of(409, "No dataset is registered: upload one to /api/datasets."));
  }

  /** The stored comparison for this dataset, or a new one (which takes a while on big data). */
  public List<Result> compare(Dataset dataset, String user) {
    return compared(dataset, user).results();
  }

  /**
   * The latest stored comparison for this dataset, or a new one, stored. One stored before ROC
   * curves were kept is run again once, so that every comparison can be drawn.
   */
  public Compared compared(Dataset dataset, String user) {
    Optional<Compared> stored = stored(dataset).filter(c -> c.results().stream().allMatch(r -> r.roc() != null));
    if (stored.isPresent()) {
      return stored.get();
    }
    Instances data = datasets.rows(dataset);
    List<Result> results = new ArrayList<>();
    for (Learner learner : Learner.values()) {
      Map<String, Double> options = learner.options(Map.of("folds", foldsFor(data)));
      ModelMetrics metrics;
      try {
        metrics = ModelTrainer.crossValidate(data, dataset.positiveClass(), learner, options, ModelTrainer.Progress.NONE);
      } catch (ModelTrainer.Untrainable e) {
        // The data's fault, said in the analyst's words; the learner's own message is kept in the log.
        LOG.log(Level.WARNING, "Comparing learners on dataset " + dataset.id() + " failed", e);
        throw ProblemException.of(422, "Dataset " + dataset.id() + " cannot be compared. " + e.getMessage());
      }
      results.add(new Result(learner.value(), metrics.accuracy(), metrics.auc(), metrics.gini(), metrics.ks(), metrics.brier(), metrics.trainingSeconds(), metrics.roc()));
    }
    results.sort(Comparator.comparingDouble(Result::auc).reversed());
    Instant now = clock.instant();
    database.inTransaction(
        em -> {
          em.persist(new Comparison(dataset.id(), SnakeCase.JSON.toJson(results), user, now));
          return null;
        });
    return new Compared(List.copyOf(results), now, false);
  }

  /** Ten folds, or five on big data where each fold is already large. */
  static int foldsFor(Instances data) {
    return data.numInstances() > 100_000 ? 5 : 10;
  }

  private Optional<Compared> stored(Dataset dataset) {
    return database.inTransaction(
        em ->
            em.createNamedQuery(Comparison.LATEST_FOR_DATASET, Comparison.class)
                .setParameter("dataset", dataset.id())
                .setMaxResults(1)
                .getResultStream()
                .findFirst()
                .map(c -> new Compared(
                    SnakeCase.JSON.<List<Result>>fromJson(c.resultsJson(), new ArrayList<Result>() {}.getClass().getGenericSuperclass()),
                    c.createdAt(),
                    true)));
  }
}
