package com.creditscoring.scoring.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;

/**
 * A scoring job for a large file. Its progress ({@code rows_done}) is committed together with the
 * decisions of each chunk, so it is exactly where a resumed job must carry on.
 */
@Entity
@Table(name = "batch_jobs")
public class BatchJob {

  public static final String RUNNING = "running";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  @Id
  @SequenceGenerator(name = "batch_jobs_seq", sequenceName = "batch_jobs_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "batch_jobs_seq")
  private Long id;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "request_id", nullable = false, length = 64)
  private String requestId;

  @Column(name = "model_id", nullable = false)
  private Long modelId;

  /**
   * Where the upload of a job created before uploads were kept in the database lies in
   * DATA_DIR/batch-jobs; null for every newer job, whose upload is in batch_job_upload_parts.
   */
  @Column(name = "file_name")
  private String fileName;

  /** {@code en} or {@code ru}: the language its reasons are written in, asked for at submission. */
  @Column(nullable = false, length = 2)
  private String language;

  @Column(nullable = false, length = 16)
  private String state;

  @Column(name = "total_rows", nullable = false)
  private long totalRows;

  @Column(name = "rows_done", nullable = false)
  private long rowsDone;

  @Column(nullable = false)
  private long scored;

  @Column(nullable = false)
  private long rejected;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "heartbeat_at", nullable = false)
  private Instant heartbeatAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(length = 2000)
  private String error;

  protected BatchJob() {}

  public BatchJob(String createdBy, String requestId, long modelId, String language, long totalRows, Instant now) {
    this.createdBy = requireNonNull(createdBy);
    this.requestId = requireNonNull(requestId);
    this.modelId = modelId;
    this.language = requireNonNull(language);
    this.totalRows = totalRows;
    this.state = RUNNING;
    this.createdAt = now;
    this.heartbeatAt = now;
  }

  /**
   * Refuses a chunk the job cannot take: once the job has ended (it was failed while an execution
   * was still queued or running, which must then stop), or one that does not start where the job
   * stands (its execution lost the job to another, which already committed these rows).
   *
   * @throws IllegalStateException then; the chunk's transaction must write nothing
   */
  public void checkChunkStartsAt(long firstRow) {
    if (!RUNNING.equals(state)) {
      throw new IllegalStateException("batch job " + id + " is " + state + ", not running: its remaining executions stop");
    }
    if (rowsDone + 1 != firstRow) {
      throw new IllegalStateException("batch job " + id + " is at row " + rowsDone + ", not " + (firstRow - 1) + ": another execution took it over");
    }
  }

  /** Records a committed chunk: the rows it covered and how they went. */
  public void advance(long rows, long scoredRows, long rejectedRows, Instant now) {
    rowsDone += rows;
    scored += scoredRows;
    rejected += rejectedRows;
    heartbeatAt = now;
  }

  /** The job's instance is still at work on it: other instances leave it alone for another takeover time. */
  public void beat(Instant now) {
    heartbeatAt = now;
  }

  /** Another execution takes the job over, from {@code rows_done}. */
  public void resume(Instant now) {
    attempts++;
    heartbeatAt = now;
  }

  public void succeed(Instant now) {
    state = SUCCEEDED;
    finishedAt = now;
  }

  public void fail(String reason, Instant now) {
    state = FAILED;
    error = reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    finishedAt = now;
  }

  public Long id() { return id; }
  public String createdBy() { return createdBy; }
  public Instant createdAt() { return createdAt; }
  public String requestId() { return requestId; }
  public long modelId() { return modelId; }
  public Optional<String> legacyFileName() { return Optional.ofNullable(fileName); }
  public String language() { return language; }
  public String state() { return state; }
  public long totalRows() { return totalRows; }
  public long rowsDone() { return rowsDone; }
  public long scored() { return scored; }
  public long rejected() { return rejected; }
  public int attempts() { return attempts; }
  public Instant heartbeatAt() { return heartbeatAt; }
  public Instant finishedAt() { return finishedAt; }
  public String error() { return error; }
}
