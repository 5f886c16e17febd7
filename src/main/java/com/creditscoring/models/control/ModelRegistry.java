package com.creditscoring.models.control;

import com.creditscoring.ops.control.SnakeCase;
import com.creditscoring.datasets.control.DatasetCatalog;
import com.creditscoring.datasets.entity.Dataset;
import com.creditscoring.models.entity.ActiveModel;
import com.creditscoring.models.entity.ModelContent;
import com.creditscoring.models.entity.ScoringModel;
import com.creditscoring.ops.control.DataFolder;
import com.creditscoring.ops.control.Settings;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.storage.control.Checksums;
import com.creditscoring.storage.control.Database;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.annotation.Counted;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;

/**
 * Every trained model version, and the one that scores. Activation is a single-row update, swapped
 * into this process at once and picked up by every other instance on the database within a few
 * seconds (they poll the row).
 */
@ApplicationScoped
public class ModelRegistry {

  private static final Logger LOG = Logger.getLogger(ModelRegistry.class.getName());
  private static final java.lang.reflect.Type SCHEMA =
      new ArrayList<InputField>() {}.getClass().getGenericSuperclass();

  @Inject Database database;
  @Inject DatasetCatalog datasets;
  @Inject DataFolder dataFolder;
  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService scheduler;

  /** How often this instance looks for a model activated by another one. */
  @Inject
  @ConfigProperty(name = "models.poll-seconds", defaultValue = "2")
  String pollSeconds;

  /** Stored JSON uses the API's snake_case, so it can be served as it is. */
  private static final Jsonb JSON = SnakeCase.JSON;

  private final AtomicReference<LoadedModel> active = new AtomicReference<>();
  private ScheduledFuture<?> poller;

  @PostConstruct
  void start() {
    int seconds = Settings.positiveInt("MODELS_POLL_SECONDS", pollSeconds);
    refresh();
    poller = scheduler.scheduleWithFixedDelay(this::refreshQuietly, seconds, seconds, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (poller != null) {
      poller.cancel(false);
    }
  }

  /** Stores a trained model in the caller's transaction: all of it, or (on rollback) none of it. */
  public ScoringModel register(EntityManager em, ModelTrainer.TrainedModel trained, Dataset dataset, String user) {
    byte[] content = trained.serialized();
    ScoringModel model =
        new ScoringModel(
            dataset.id(), trained.learner().value(), trained.wekaOptions(), JSON.toJson(trained.options()),
            JSON.toJson(trained.metrics()), JSON.toJson(trained.schema()), JSON.toJson(ModelSettings.DEFAULT),
            trained.metrics().auc(), trained.metrics().rows(), content.length, Checksums.sha256(content), user, clock.instant());
    em.persist(model);
    em.flush();
    em.persist(new ModelContent(model.id(), content));
    return model;
  }

  /** A copy in DATA_DIR/models for file-level backups, as the seed kept; the database is the truth. */
  public void writeBackupFile(ScoringModel model) {
    try {
      byte[] content = database.inTransaction(em -> em.find(ModelContent.class, model.id())).content();
      Path file = dataFolder.folder("models").resolve("model-" + model.id() + "-" + model.algorithm() + ".model");
      // Written aside and moved into place, so that a crash mid-write never leaves a truncated copy
      // under the model's name for someone to restore.
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.write(partial, content);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot write the backup file of model " + model.id(), e);
    }
  }

  public List<ScoringModel> all() {
    return database.inTransaction(em -> em.createNamedQuery(ScoringModel.ALL, ScoringModel.class).getResultList());
  }

  public ScoringModel find(long id) {
    ScoringModel model = database.inTransaction(em -> em.find(ScoringModel.class, id));
    if (model == null) {
      throw new NotFoundException("no model " + id);
    }
    return model;
  }

  public Optional<LoadedModel> active() {
    return Optional.ofNullable(active.get());
  }

  /**
   * A given version ready to score: the active one as it is, any other loaded afresh (a batch job
   * keeps the version it started with even if another is activated meanwhile).
   */
  public LoadedModel version(long id) {
    LoadedModel current = active.get();
    return current != null && current.id() == id ? current : load(find(id));
  }

  public Optional<Long> activeId() {
    return database.inTransaction(em -> Optional.ofNullable(em.find(ActiveModel.class, ActiveModel.ROW).modelId()));
  }

  /** Makes this version the one that scores, here at once and elsewhere within the poll interval. */
  @Counted(name = "model_activations", description = "Models activated", absolute = true)
  public LoadedModel activate(long id, String user) {
    ScoringModel model = find(id);
    LoadedModel loaded = load(model);
    database.inTransaction(
        em -> {
          em.find(ActiveModel.class, ActiveModel.ROW, LockModeType.PESSIMISTIC_WRITE).activate(model.id(), user, clock.instant());
          return null;
        });
    active.set(loaded);
    LOG.info(() -> "Model " + id + " (" + model.algorithm() + ") activated by " + user);
    return loaded;
  }

  public List<InputField> schema(ScoringModel model) {
    return JSON.fromJson(model.schemaJson(), SCHEMA);
  }

  public ModelMetrics metrics(ScoringModel model) {
    return JSON.fromJson(model.metricsJson(), ModelMetrics.class);
  }

  public ModelSettings settings(ScoringModel model) {
    return JSON.fromJson(model.settingsJson(), ModelSettings.class);
  }

  public ScoringModel changeSettings(long id, ModelSettings settings) {
    if (!(settings.approveBelow() > 0 && settings.approveBelow() <= settings.declineFrom() && settings.declineFrom() <= 1)) {
      throw ProblemException.invalidField("approve_below", "must be above 0 and at most decline_from, which is at most 1");
    }
    ScoringModel changed =
        database.inTransaction(
            em -> {
              ScoringModel model = em.find(ScoringModel.class, id, LockModeType.PESSIMISTIC_WRITE);
              if (model == null) {
                throw new NotFoundException("no model " + id);
              }
              model.changeSettings(JSON.toJson(settings));
              return model;
            });
    if (active.get() != null && active.get().id() == id) {
      active.set(load(changed));
    }
    return changed;
  }

  /** Follows the active-model row: another instance may have activated a model. */
  void refresh() {
    Optional<Long> wanted = activeId();
    LoadedModel current = active.get();
    if (wanted.isEmpty() || (current != null && current.id() == wanted.get())) {
      return;
    }
    active.set(load(find(wanted.get())));
    LOG.info(() -> "Now scoring with model " + wanted.get());
  }

  private void refreshQuietly() {
    try {
      refresh();
    } catch (RuntimeException e) {
      // The poller must survive a database outage; the next tick tries again.
      LOG.log(Level.WARNING, "Cannot check which model is active", e);
    }
  }

  private LoadedModel load(ScoringModel model) {
    byte[] content = database.inTransaction(em -> em.find(ModelContent.class, model.id())).content();
    if (!Checksums.sha256(content).equals(model.checksum())) {
      throw new IllegalStateException("model " + model.id() + " does not match its checksum: refusing to load it");
    }
    try {
      Object[] parts = SerializationHelper.readAll(new ByteArrayInputStream(content));
      Dataset dataset = datasets.find(model.datasetId());
      return new LoadedModel(model, (Classifier) parts[0], (Instances) parts[1], dataset.positiveClass(), schema(model), settings(model));
    } catch (Exception e) {
      throw new IllegalStateException("model " + model.id() + " cannot be read: " + e.getMessage(), e);
    }
  }

}
