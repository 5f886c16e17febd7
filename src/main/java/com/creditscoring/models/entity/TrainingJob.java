package com.creditscoring.models.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** A training run on the executor: queued, running with progress, then finished one way or another. */
@Entity
@Table(name = "training_jobs")
@NamedQuery(
    name = TrainingJob.UNFINISHED_FOR_DATASET,
    query = "SELECT COUNT(j) FROM TrainingJob j WHERE j.datasetId = :dataset AND j.state IN ('queued', 'running')")
@NamedQuery(
    name = TrainingJob.ABANDONED,
    query = "SELECT j FROM TrainingJob j WHERE j.state IN ('queued', 'running') AND j.heartbeatAt < :before")
public class TrainingJob {

  public static final String UNFINISHED_FOR_DATASET = "TrainingJob.unfinishedForDataset";
  public static final String ABANDONED = "TrainingJob.abandoned";

  /** Where a job is in its life. */
  public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;
    public String value() { return name().toLowerCase(Locale.ROOT); }
  }

  @Id
  @SequenceGenerator(name = "training_jobs_seq", sequenceName = "training_jobs_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "training_jobs_seq")
  private Long id;

  @Column(name = "dataset_id", nullable = false)
  private Long datasetId;

  @Column(nullable = false, length = 32)
  private String algorithm;

  @Column(name = "options_json", nullable = false)
  private String optionsJson;

  @Column(nullable = false, length = 16)
  private String state;

  @Column(nullable = false)
  private double progress;

  @Column(name = "model_id")
  private Long modelId;

  @Column(length = 2000)
  private String error;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "heartbeat_at")
  private Instant heartbeatAt;

  protected TrainingJob() {}

  public TrainingJob(Long datasetId, String algorithm, String optionsJson, String createdBy, Instant createdAt) {
    this.datasetId = requireNonNull(datasetId);
    this.algorithm = requireNonNull(algorithm);
    this.optionsJson = requireNonNull(optionsJson);
    this.createdBy = requireNonNull(createdBy);
    this.createdAt = requireNonNull(createdAt);
    this.heartbeatAt = createdAt;
    this.state = State.QUEUED.value();
  }

  public boolean isFinished() {
    return !state.equals(State.QUEUED.value()) && !state.equals(State.RUNNING.value());
  }

  public void start(Instant now) {
    state = State.RUNNING.value();
    startedAt = now;
    heartbeatAt = now;
  }

  public void progressed(double fraction, Instant now) {
    progress = Math.max(progress, Math.min(1, fraction));
    heartbeatAt = now;
  }

  /** Its instance still works on it, between progress steps (one fold may take minutes). */
  public void alive(Instant now) {
    if (!isFinished()) {
      heartbeatAt = now;
    }
  }

  public void succeed(Long model, Instant now) {
    finish(State.SUCCEEDED, now);
    modelId = model;
    progress = 1;
  }

  public void fail(String reason, Instant now) {
    finish(State.FAILED, now);
    error = reason == null ? "failed" : reason.substring(0, Math.min(reason.length(), 2000));
  }

  public void cancel(Instant now) {
    finish(State.CANCELLED, now);
  }

  private void finish(State end, Instant now) {
    state = end.value();
    finishedAt = now;
    heartbeatAt = now;
  }

  /** Remaining time, extrapolated from the time taken so far; unknown before the first step. */
  public Duration eta(Instant now) {
    if (startedAt == null || progress <= 0 || isFinished()) {
      return null;
    }
    Duration elapsed = Duration.between(startedAt, now);
    return Duration.ofMillis((long) (elapsed.toMillis() * (1 - progress) / progress));
  }

  public Long id() { return id; }
  public Long datasetId() { return datasetId; }
  public String algorithm() { return algorithm; }
  public String optionsJson() { return optionsJson; }
  public String state() { return state; }
  public double progress() { return progress; }
  public Long modelId() { return modelId; }
  public String error() { return error; }
  public String createdBy() { return createdBy; }
  public Instant createdAt() { return createdAt; }
  public Instant startedAt() { return startedAt; }
  public Instant finishedAt() { return finishedAt; }
  public Instant heartbeatAt() { return heartbeatAt; }
}
