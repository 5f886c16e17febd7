package com.creditscoring.scoring.control;

import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.models.control.ModelRegistry;
import com.creditscoring.ops.control.DataFolder;
import com.creditscoring.ops.control.Settings;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.problems.Utf8Text;
import com.creditscoring.scoring.control.Scorer.Caller;
import com.creditscoring.scoring.control.Scorer.Outcome;
import com.creditscoring.scoring.entity.BatchJob;
import com.creditscoring.scoring.entity.BatchJobError;
import com.creditscoring.scoring.entity.Prediction;
import com.creditscoring.storage.control.Database;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Scoring jobs for files too large for one request, run by Jakarta Batch (job {@code score-csv}).
 *
 * <p>The batch runtime's own job repository is not where progress is kept: in Payara Micro it lives
 * in a database of the process, gone after a crash, and it is not shared by replicas. Each chunk's
 * decisions, its rejected rows and the job's {@code rows_done} are committed in one transaction of
 * ours. A job's heartbeat is each committed chunk and, while an execution of it is queued or
 * running, its instance's watcher ({@link #renewHeartbeats}); a job whose heartbeat stops (its
 * instance died) is taken over by any instance, which starts a new execution that skips the rows
 * already done. No row is lost, and the unique (job, row) constraint on the audit trail makes
 * scoring one twice impossible.
 */
@ApplicationScoped
public class BatchJobs {

  private static final Logger LOG = Logger.getLogger(BatchJobs.class.getName());
  static final String JOB_XML = "score-csv";
  static final String JOB_PARAMETER = "batchJobId";

  @Inject Database database;
  @Inject DataFolder dataFolder;
  @Inject Scorer scorer;
  @Inject DecisionLog decisionLog;
  @Inject CsvScoring csv;
  @Inject BatchJobUploads uploads;
  @Inject ModelRegistry registry;
  @Inject Clock clock;

  @Resource ManagedScheduledExecutorService scheduler;

  /** BATCH_JOBS_TAKEOVER_SECONDS: a running job silent this long is resumed by another execution. */
  @Inject
  @ConfigProperty(name = "batch-jobs.takeover-seconds", defaultValue = "30")
  String takeoverSetting;

  /** BATCH_JOBS_MAX_ATTEMPTS: executions a job gets before it is failed for good. */
  @Inject
  @ConfigProperty(name = "batch-jobs.max-attempts", defaultValue = "3")
  String maxAttemptsSetting;

  /** This instance's executions, by job id: while one is queued or running, its job's heartbeat is kept up. */
  private final Map<Long, Long> localExecutions = new ConcurrentHashMap<>();

  /**
   * How old a temporary upload must be to be taken for one a stopped server left behind. A submit
   * writes its copy as the upload arrives, then reads it twice within minutes; a day leaves any
   * submit of any instance sharing the folder far more than it needs.
   */
  static final Duration TEMPORARY_UPLOAD_LIFETIME = Duration.ofDays(1);

  private static final String TEMPORARY_UPLOADS = "upload-*.csv.gz";

  private Duration takeover;
  private int maxAttempts;
  private ScheduledFuture<?> watcher;
  private ScheduledFuture<?> cleaner;

  /** Called once the application is up: resumes jobs left by a stopped instance, then keeps watching. */
  public void watchForAbandonedJobs() {
    takeover = Duration.ofSeconds(Settings.positiveInt("BATCH_JOBS_TAKEOVER_SECONDS", takeoverSetting));
    maxAttempts = Settings.positiveInt("BATCH_JOBS_MAX_ATTEMPTS", maxAttemptsSetting);
    long period = Math.max(1, takeover.toSeconds() / 3);
    watcher = scheduler.scheduleWithFixedDelay(this::watchQuietly, 0, period, TimeUnit.SECONDS);
    cleaner = scheduler.scheduleWithFixedDelay(this::deleteLeftUploadsQuietly, 0, 1, TimeUnit.HOURS);
  }

  @PreDestroy
  void stop() {
    if (watcher != null) {
      watcher.cancel(false);
    }
    if (cleaner != null) {
      cleaner.cancel(false);
    }
  }

  private void deleteLeftUploadsQuietly() {
    try {
      int deleted = deleteLeftUploads(dataFolder.folder("batch-jobs"), clock.instant().minus(TEMPORARY_UPLOAD_LIFETIME));
      if (deleted > 0) {
        LOG.info(() -> "Deleted " + deleted + " temporary upload(s) left by a submit that did not finish");
      }
    } catch (IOException | RuntimeException e) {
      // Left files only cost disk space; the next hour tries again. A scheduled task that throws is
      // never run again, so nothing may escape (a failed listing throws DirectoryIteratorException).
      LOG.log(Level.WARNING, "Cannot delete temporary uploads left behind", e);
    }
  }

  /**
   * Deletes the temporary copies of uploads last written before {@code writtenBefore}: a server
   * that stopped in the middle of a submit leaves its copy, which no job refers to. Uploads of jobs
   * registered before uploads were kept in the database ({@code upload-*.csv}, not compressed)
   * share the folder and are not touched.
   *
   * @return how many were deleted
   */
  static int deleteLeftUploads(Path folder, Instant writtenBefore) throws IOException {
    int deleted = 0;
    try (var files = Files.newDirectoryStream(folder, TEMPORARY_UPLOADS)) {
      for (Path file : files) {
        if (Files.getLastModifiedTime(file).toInstant().isBefore(writtenBefore) && Files.deleteIfExists(file)) {
          deleted++;
        }
      }
    }
    return deleted;
  }

  /**
   * Checks the upload's header against the active model, counts its rows, registers the job with
   * its upload and starts it. Counting reads the whole file as the job will, so a file that is not
   * UTF-8 or has a row that cannot be parsed is a 422 before anything is registered, not a failed
   * job. The upload is stored in the job's own transaction: a job never exists without its file.
   */
  public BatchJob submit(InputStream upload, Caller caller) throws IOException {
    LoadedModel model = scorer.activeModel();
    // Compressed as it arrives, into a file counted, then stored; deleted once stored. The job's
    // transaction, which holds a pooled connection, only copies its parts.
    Path file = Files.createTempFile(dataFolder.folder("batch-jobs"), "upload-", ".csv.gz");
    BatchJob job;
    try {
      BatchJobUploads.compress(upload, file);
      long rows;
      try (Reader reader = Utf8Text.reader(BatchJobUploads.decompressed(file))) {
        rows = countRows(csv.open(reader).parser());
      }
      job =
          database.inTransaction(
              em -> {
                BatchJob created = new BatchJob(caller.user(), caller.requestId(), model.id(), languageColumn(caller.language()), rows, clock.instant());
                em.persist(created);
                em.flush(); // the job's row first: its parts refer to it
                try {
                  int parts = BatchJobUploads.store(em.unwrap(Connection.class), created.id(), file);
                  LOG.info(() -> "Batch job " + created.id() + ": " + rows + " rows stored in " + parts + " part(s)");
                } catch (SQLException | IOException e) {
                  throw new PersistenceException("the upload of a batch job could not be stored: " + e.getMessage(), e);
                }
                // Other instances see the job only once this commits; had its heartbeat stayed at
                // the row's creation, a large upload stored for longer than the takeover time would
                // look abandoned at once, and be claimed while this instance starts it.
                created.beat(clock.instant());
                return created;
              });
    } catch (IOException | RuntimeException e) {
      deleteTemporary(file, e);
      throw e;
    }
    deleteTemporary(file, null);
    try {
      start(job.id());
    } catch (RuntimeException e) {
      // The job and its file are committed, so it is accepted: with no execution here its heartbeat
      // stops, and the watcher of any instance starts it after BATCH_JOBS_TAKEOVER_SECONDS.
      LOG.log(Level.WARNING, e, () -> "Batch job " + job.id() + " could not be started now; the watcher will start it");
    }
    return job;
  }

  /**
   * Deletes a temporary copy of an upload. Failing to is not the request's failure: it is added to
   * the request's own exception if there is one, and logged otherwise (the file is left behind).
   */
  private static void deleteTemporary(Path file, Exception failure) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      if (failure != null) {
        failure.addSuppressed(e);
      } else {
        LOG.log(Level.WARNING, e, () -> "Cannot delete the temporary upload " + file);
      }
    }
  }

  /**
   * The rows after the header; the first row that cannot be read is a 422 naming it, and so is a
   * file of only a header: a job of no rows would "succeed" having scored nothing.
   */
  static long countRows(CSVParser parser) {
    long rows = 0;
    Iterator<CSVRecord> records = parser.iterator();
    try {
      while (records.hasNext()) {
        records.next();
        rows++;
      }
    } catch (UncheckedIOException e) {
      throw ProblemException.invalid("The CSV cannot be read.", List.of(CsvScoring.unreadable("row " + (rows + 1), e.getCause())));
    }
    if (rows == 0) {
      throw ProblemException.invalidField("file", "the file has no data rows, only a header");
    }
    return rows;
  }

  private void start(long id) {
    Properties parameters = new Properties();
    parameters.setProperty(JOB_PARAMETER, Long.toString(id));
    long execution = BatchRuntime.getJobOperator().start(JOB_XML, parameters);
    localExecutions.put(id, execution);
    LOG.info(() -> "Batch job " + id + " running as batch execution " + execution);
  }

  public BatchJob find(long id) {
    BatchJob job = database.inTransaction(em -> em.find(BatchJob.class, id));
    if (job == null) {
      throw new NotFoundException("no batch job " + id);
    }
    return job;
  }

  /**
   * The job's upload as text: from the database, or, for a job registered before uploads were kept
   * there, from this instance's data folder.
   */
  Reader upload(BatchJob job) throws IOException {
    Optional<String> legacyFile = job.legacyFileName();
    return legacyFile.isPresent()
        ? Utf8Text.reader(dataFolder.folder("batch-jobs").resolve(legacyFile.get()))
        : Utf8Text.reader(uploads.open(job.id()));
  }

  LoadedModel model(BatchJob job) {
    return registry.version(job.modelId());
  }

  /**
   * Who the job scores for: its creator, under the request that created it, in the language it
   * asked for. Read from the job, not the request, so a job resumed elsewhere writes the same.
   */
  static Caller caller(BatchJob job) {
    return new Caller(job.createdBy(), job.requestId(), language(job));
  }

  /** The job's language as its column holds it: lower case, as reports.language. */
  static String languageColumn(Language language) {
    return language.name().toLowerCase(Locale.ROOT);
  }

  /** The job's language; the column allows only en and ru, so anything else is a broken database. */
  static Language language(BatchJob job) {
    return Language.valueOf(job.language().toUpperCase(Locale.ROOT));
  }

  /**
   * Commits one chunk: its decisions, its rejected rows and the job's progress, together. A chunk
   * that does not start where the job stands was already committed by an execution that lost the
   * job, and a job that has ended takes no more: either is refused, and nothing is written.
   */
  void commitChunk(long jobId, long firstRow, List<Outcome> outcomes) {
    database.inTransaction(
        em -> {
          BatchJob job = em.find(BatchJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
          job.checkChunkStartsAt(firstRow);
          List<Prediction> decisions = new ArrayList<>(outcomes.size());
          for (Outcome outcome : outcomes) {
            if (outcome.decision() != null) {
              decisions.add(outcome.decision().audit().inBatchJob(jobId, outcome.index()));
            } else {
              em.persist(new BatchJobError(jobId, outcome.index(), outcome.errors().stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "))));
            }
          }
          try {
            // The same transaction as the job's progress: the locked row's connection.
            decisionLog.insert(em.unwrap(Connection.class), decisions);
          } catch (SQLException e) {
            throw new PersistenceException("the decisions of batch job " + jobId + " could not be stored: " + e.getMessage(), e);
          }
          long scored = decisions.size();
          job.advance(outcomes.size(), scored, outcomes.size() - scored, clock.instant());
          return null;
        });
  }

  /** The execution ended: the job succeeded if every row is done; otherwise it waits to be resumed. */
  void executionEnded(long jobId, long executionId, String batchStatus, String failure) {
    localExecutions.remove(jobId, executionId);
    database.inTransaction(
        em -> {
          BatchJob job = em.find(BatchJob.class, jobId, LockModeType.PESSIMISTIC_WRITE);
          if (!job.state().equals(BatchJob.RUNNING)) {
            return null;
          }
          if (job.rowsDone() >= job.totalRows()) {
            job.succeed(clock.instant());
            LOG.info(() -> "Batch job " + jobId + " succeeded: " + job.scored() + " scored, " + job.rejected() + " rejected");
          } else {
            LOG.warning(() -> "Batch job " + jobId + " stopped at row " + job.rowsDone() + " of " + job.totalRows() + " (" + batchStatus + ", " + failure + "); it will be resumed");
          }
          return null;
        });
  }

  /** One look of the watcher: this instance's live jobs beat first, so only jobs nobody runs look abandoned. */
  private void watchQuietly() {
    try {
      renewHeartbeats();
      resumeAbandoned();
    } catch (RuntimeException e) {
      // The watcher must survive a database outage; the next tick tries again.
      LOG.log(Level.WARNING, "Cannot check for abandoned batch jobs", e);
    }
  }

  /**
   * Keeps up the heartbeat of the jobs whose execution on this instance is queued or running.
   *
   * <p>Chunks beat only once an execution runs, and executions wait for a thread of the server's
   * default executor, which training uses too. Without this, a job queued behind long trainings
   * for longer than the takeover time would be "resumed" by executions that queue up as well, and
   * be failed after its attempts while the first one had yet to run (found reading the code, not
   * seen). A job's heartbeat stops only when no instance has a live execution of it: when its
   * instance died.
   */
  void renewHeartbeats() {
    JobOperator operator = BatchRuntime.getJobOperator();
    List<Long> live = new ArrayList<>();
    localExecutions.forEach(
        (job, execution) -> {
          if (isQueuedOrRunning(operator, execution)) {
            live.add(job);
          } else {
            localExecutions.remove(job, execution); // ended without its listener (a failed start)
          }
        });
    if (!live.isEmpty()) {
      database.inTransaction(
          em -> em.createQuery("UPDATE BatchJob j SET j.heartbeatAt = :now WHERE j.id IN :jobs AND j.state = :running")
              .setParameter("now", clock.instant())
              .setParameter("jobs", live)
              .setParameter("running", BatchJob.RUNNING)
              .executeUpdate());
    }
  }

  private static boolean isQueuedOrRunning(JobOperator operator, long execution) {
    try {
      BatchStatus status = operator.getJobExecution(execution).getBatchStatus();
      return status == BatchStatus.STARTING || status == BatchStatus.STARTED;
    } catch (NoSuchJobExecutionException e) {
      return false;
    }
  }

  /** Takes over running jobs whose executions stopped reporting, or fails them after too many attempts. */
  void resumeAbandoned() {
    Instant silentSince = clock.instant().minus(takeover);
    List<Long> abandoned =
        database.inTransaction(
            em -> em.createQuery("SELECT j.id FROM BatchJob j WHERE j.state = :running AND j.heartbeatAt < :since", Long.class)
                .setParameter("running", BatchJob.RUNNING)
                .setParameter("since", silentSince)
                .getResultList());
    for (long id : abandoned) {
      boolean claimed =
          database.inTransaction(
              em -> {
                BatchJob job = em.find(BatchJob.class, id, LockModeType.PESSIMISTIC_WRITE);
                if (!job.state().equals(BatchJob.RUNNING) || !job.heartbeatAt().isBefore(silentSince)) {
                  return false; // another instance claimed it first
                }
                if (job.attempts() + 1 >= maxAttempts) {
                  job.fail("stopped " + (job.attempts() + 1) + " times without finishing; last at row " + job.rowsDone(), clock.instant());
                  return false;
                }
                job.resume(clock.instant());
                return true;
              });
      if (claimed) {
        LOG.info(() -> "Resuming abandoned batch job " + id);
        start(id);
      }
    }
  }

  /**
   * The result file: the input rows in order, each with its decision or its error, read back from
   * the audit trail page by page, so memory does not grow with the file.
   */
  public void writeResult(BatchJob job, Writer out) throws IOException {
    try (Reader reader = upload(job);
        CSVParser parser = CsvScoring.parseInput(reader)) {
      CsvScoring.printHeader(out, parser.getHeaderNames());
      // Rows are put together a page at a time and written at once, as the CSV endpoint does.
      StringBuilder text = new StringBuilder();
      long row = 0;
      Map<Long, Prediction> decisions = Map.of();
      Map<Long, String> errors = Map.of();
      long pageEnd = 0;
      for (CSVRecord record : parser) {
        row++;
        if (row > pageEnd) {
          out.append(text);
          text.setLength(0);
          long from = row;
          long to = row + CsvScoring.CHUNK * 10L - 1;
          decisions = page(job.id(), from, to);
          errors = errorPage(job.id(), from, to);
          pageEnd = to;
        }
        Prediction decision = decisions.get(row);
        if (decision != null) {
          CsvScoring.printRow(text, record, row, decision, ReasonCodes.codesOf(decision.reasonsJson()), "");
        } else {
          CsvScoring.printRow(text, record, row, null, "", errors.getOrDefault(row, "not scored"));
        }
      }
      out.append(text);
      out.flush();
    }
  }

  private Map<Long, Prediction> page(long job, long from, long to) {
    return database.inTransaction(
        em -> em.createQuery("SELECT p FROM Prediction p WHERE p.batchJobId = :job AND p.batchRow BETWEEN :from AND :to", Prediction.class)
            .setParameter("job", job).setParameter("from", from).setParameter("to", to)
            .getResultList().stream().collect(Collectors.toMap(Prediction::batchRow, p -> p, (a, b) -> a, HashMap::new)));
  }

  private Map<Long, String> errorPage(long job, long from, long to) {
    return database.inTransaction(
        em -> em.createQuery("SELECT e FROM BatchJobError e WHERE e.batchJobId = :job AND e.batchRow BETWEEN :from AND :to", BatchJobError.class)
            .setParameter("job", job).setParameter("from", from).setParameter("to", to)
            .getResultList().stream().collect(Collectors.toMap(BatchJobError::batchRow, BatchJobError::message, (a, b) -> a, HashMap::new)));
  }

  public static ProblemException notFinished(BatchJob job) {
    return ProblemException.of(409, "Batch job " + job.id() + " is " + job.state() + " (" + job.rowsDone() + " of " + job.totalRows() + " rows): its result is ready when it has succeeded.");
  }
}
