package com.creditscoring.models.control;

import com.creditscoring.ops.control.SnakeCase;
import com.creditscoring.datasets.control.DatasetCatalog;
import com.creditscoring.datasets.entity.Dataset;
import com.creditscoring.models.entity.ScoringModel;
import com.creditscoring.models.entity.TrainingJob;
import com.creditscoring.ops.control.Settings;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.storage.control.Database;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.ws.rs.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.annotation.Counted;
import weka.core.Instances;

/**
 * Runs trainings in the background on the server's managed executor: one at a time per dataset,
 * with progress after every fold, cancellable between folds. The model and the job's success are
 * written in one transaction, so a job killed at any point leaves no half-registered model.
 *
 * <p>An instance keeps a heartbeat on the jobs it runs; a job whose heartbeat stops (its instance
 * died) is failed by any instance, at start-up or while watching, so its dataset can train again.
 */
@ApplicationScoped
public class TrainingJobs {

  private static final Logger LOG = Logger.getLogger(TrainingJobs.class.getName());

  /** How the error of a job whose instance stopped begins. */
  static final String ABANDONED = "abandoned";

  /**
   * The error of a job that failed on the server rather than on its data. A job's error is shown to
   * analysts, so an unexpected exception's own message (it may name Java classes) stays in the log.
   */
  static final String SERVER_FAILURE = "The training stopped on a server error; nothing was registered. The server log has the cause.";

  @Inject Database database;
  @Inject DatasetCatalog datasets;
  @Inject ModelRegistry registry;
  @Inject Clock clock;

  @Resource ManagedExecutorService executor;
  @Resource ManagedScheduledExecutorService scheduler;

  /** TRAINING_JOBS_ABANDONED_SECONDS: an unfinished job whose instance is silent this long has died with it. */
  @Inject
  @ConfigProperty(name = "training-jobs.abandoned-seconds", defaultValue = "30")
  String abandonedSetting;

  private final Map<Long, Future<?>> running = new ConcurrentHashMap<>();
  private Duration abandonedAfter;
  private ScheduledFuture<?> watcher;

  /**
   * Called once the application is up: fails the jobs a stopped instance left unfinished, then
   * keeps this instance's jobs alive and watches the others'.
   */
  public void watchForAbandonedJobs() {
    abandonedAfter = Duration.ofSeconds(Settings.positiveInt("TRAINING_JOBS_ABANDONED_SECONDS", abandonedSetting));
    failAbandoned();
    long period = Math.max(1, abandonedAfter.toSeconds() / 3);
    watcher = scheduler.scheduleWithFixedDelay(this::watchQuietly, period, period, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    if (watcher != null) {
      watcher.cancel(false);
    }
  }

  /** Queues a training; 409 while another training of the same dataset is unfinished. */
  @Counted(name = "trainings_submitted", description = "Trainings submitted", absolute = true)
  public TrainingJob submit(long datasetId, Learner learner, Map<String, Double> options, String user) {
    TrainingJob job =
        database.inTransaction(
            em -> {
              // Locking the dataset row serialises submissions for it across every instance.
              Dataset dataset = em.find(Dataset.class, datasetId, LockModeType.PESSIMISTIC_WRITE);
              if (dataset == null) {
                throw ProblemException.invalidField("dataset", "no dataset " + datasetId);
              }
              // Refused here, not minutes later in a failed job: the counts are known already.
              long defaults = Math.round(dataset.rowCount() * dataset.defaultRate());
              ModelTrainer.whyCannotCrossValidate(defaults, dataset.rowCount() - defaults)
                  .ifPresent(why -> { throw ProblemException.invalidField("dataset", "dataset " + datasetId + " " + why); });
              long unfinished =
                  em.createNamedQuery(TrainingJob.UNFINISHED_FOR_DATASET, Long.class).setParameter("dataset", datasetId).getSingleResult();
              if (unfinished > 0) {
                throw ProblemException.of(409, "Dataset " + datasetId + " is already being trained on; wait for that job or cancel it.");
              }
              TrainingJob created =
                  new TrainingJob(datasetId, learner.value(), SnakeCase.JSON.toJson(options), user, clock.instant());
              em.persist(created);
              return created;
            });
    running.put(job.id(), executor.submit(() -> run(job.id(), learner, options)));
    return job;
  }

  /**
   * Whether a finished job failed because of its data (its error then says what is wrong with it),
   * rather than on the server or with a stopped instance.
   */
  public static boolean failedOnItsData(TrainingJob job) {
    return job.isFinished() && job.modelId() == null && TrainingJob.State.FAILED.value().equals(job.state())
        && job.error() != null && !job.error().equals(SERVER_FAILURE) && !job.error().startsWith(ABANDONED);
  }

  public TrainingJob find(long id) {
    TrainingJob job = database.inTransaction(em -> em.find(TrainingJob.class, id));
    if (job == null) {
      throw new NotFoundException("no training job " + id);
    }
    return job;
  }

  /** Waits for a job to end, at most this long; the job as it is then. */
  public TrainingJob await(long id, Duration limit) {
    Future<?> future = running.get(id);
    if (future != null) {
      try {
        future.get(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException | CancellationException e) {
        // still running, or cancelled: the job row says which
      } catch (java.util.concurrent.ExecutionException e) {
        LOG.log(Level.FINE, "training job " + id + " ended with an error", e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return find(id);
  }

  /** Stops a queued or running job; a finished one is left as it is (409). */
  public TrainingJob cancel(long id) {
    TrainingJob job =
        database.inTransaction(
            em -> {
              TrainingJob found = em.find(TrainingJob.class, id, LockModeType.PESSIMISTIC_WRITE);
              if (found == null) {
                throw new NotFoundException("no training job " + id);
              }
              if (found.isFinished()) {
                throw ProblemException.of(409, "Job " + id + " has already " + found.state() + ".");
              }
              found.cancel(clock.instant());
              return found;
            });
    Future<?> future = running.remove(id);
    if (future != null) {
      future.cancel(true);
    }
    return job;
  }

  private void watchQuietly() {
    try {
      keepAlive();
      failAbandoned();
    } catch (RuntimeException e) {
      // The watcher must survive a database outage; the next tick tries again.
      LOG.log(Level.WARNING, "Cannot check for abandoned training jobs", e);
    }
  }

  /** Renews the heartbeat of the jobs this instance runs or has queued. */
  private void keepAlive() {
    if (running.isEmpty()) {
      return;
    }
    database.inTransaction(
        em -> {
          for (Long id : running.keySet()) {
            TrainingJob job = em.find(TrainingJob.class, id, LockModeType.PESSIMISTIC_WRITE);
            if (job != null) {
              job.alive(clock.instant());
            }
          }
          return null;
        });
  }

  /** Jobs left unfinished by an instance that stopped are failed, so their datasets can train again. */
  void failAbandoned() {
    database.inTransaction(
        em -> {
          for (TrainingJob job :
              em.createNamedQuery(TrainingJob.ABANDONED, TrainingJob.class)
                  .setParameter("before", clock.instant().minus(abandonedAfter))
                  .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                  .getResultList()) {
            if (running.containsKey(job.id())) {
              continue; // this instance's own job, alive: keepAlive renews it
            }
            job.fail(ABANDONED + ": the instance running it stopped (no heartbeat for " + abandonedAfter.toSeconds() + " s); nothing was registered", clock.instant());
            LOG.warning(() -> "Training job " + job.id() + " was abandoned by a stopped instance");
          }
          return null;
        });
  }

  private void run(long jobId, Learner learner, Map<String, Double> options) {
    try {
      TrainingJob job = update(jobId, j -> j.start(clock.instant()));
      if (job.isFinished()) {
        return;
      }
      Dataset dataset = datasets.find(job.datasetId());
      Instances data = datasets.rows(dataset);
      ModelTrainer.TrainedModel trained =
          ModelTrainer.train(data, dataset.positiveClass(), learner, options, (done, total) -> reportProgress(jobId, done, total));
      ScoringModel model =
          database.inTransaction(
              em -> {
                TrainingJob current = em.find(TrainingJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
                if (current.isFinished()) {
                  throw new CancellationException("job " + jobId + " was cancelled");
                }
                ScoringModel registered = registry.register(em, trained, dataset, job.createdBy());
                current.succeed(registered.id(), clock.instant());
                return registered;
              });
      registry.writeBackupFile(model);
      LOG.info(() -> "Training job " + jobId + " registered model " + model.id() + " (CV AUC " + model.cvAuc() + ")");
    } catch (CancellationException e) {
      LOG.info(() -> "Training job " + jobId + " cancelled");
    } catch (ModelTrainer.Untrainable e) {
      LOG.log(Level.WARNING, "Training job " + jobId + " failed on its data", e);
      update(jobId, j -> j.fail(e.getMessage(), clock.instant()));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Training job " + jobId + " failed", e);
      update(jobId, j -> j.fail(SERVER_FAILURE, clock.instant()));
    } finally {
      running.remove(jobId);
    }
  }

  private void reportProgress(long jobId, int done, int total) {
    TrainingJob job = update(jobId, j -> j.progressed(done / (double) total, clock.instant()));
    if (job.isFinished()) {
      throw new CancellationException("job " + jobId + " was cancelled");
    }
  }

  private TrainingJob update(long jobId, java.util.function.Consumer<TrainingJob> change) {
    return database.inTransaction(
        em -> {
          TrainingJob job = em.find(TrainingJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
          if (!job.isFinished()) {
            change.accept(job);
          }
          return job;
        });
  }
}
