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

/**
 * One decision in the audit trail: what was asked, what was answered, by which model version, for
 * whom. Immutable: there is no way to change or delete a row through the application.
 */
@Entity
@Table(name = "predictions")
public class Prediction {

  /** Where a decision was asked for. */
  public enum Channel {
    SINGLE,
    BATCH,
    CSV,
    JOB,
    REPORT;

    public String value() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** Ids come from this sequence in blocks of {@link #ID_BLOCK}; it steps by as much (Liquibase 007). */
  public static final String ID_SEQUENCE = "predictions_seq";

  public static final int ID_BLOCK = 50;

  /**
   * The audit trail writes its rows with plain JDBC ({@code DecisionLog}), taking ids the way this
   * generator would, so a JPA writer of the same table would draw disjoint blocks.
   */
  @Id
  @SequenceGenerator(name = "predictions_seq", sequenceName = ID_SEQUENCE, allocationSize = ID_BLOCK)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "predictions_seq")
  private Long id;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  @Column(name = "request_id", nullable = false, updatable = false, length = 64)
  private String requestId;

  @Column(nullable = false, updatable = false, length = 16)
  private String channel;

  @Column(name = "model_id", nullable = false, updatable = false)
  private Long modelId;

  @Column(name = "input_json", nullable = false, updatable = false)
  private String inputJson;

  @Column(name = "probability_default", nullable = false, updatable = false)
  private double probabilityOfDefault;

  @Column(nullable = false, updatable = false)
  private double score;

  @Column(nullable = false, updatable = false, length = 16)
  private String decision;

  @Column(name = "risk_band", nullable = false, updatable = false, length = 2)
  private String riskBand;

  @Column(name = "reasons_json", nullable = false, updatable = false)
  private String reasonsJson;

  @Column(name = "batch_job_id", updatable = false)
  private Long batchJobId;

  @Column(name = "batch_row", updatable = false)
  private Long batchRow;

  protected Prediction() {}

  public Prediction(
      Instant createdAt, String createdBy, String requestId, Channel channel, long modelId, String inputJson,
      double probabilityOfDefault, double score, String decision, String riskBand, String reasonsJson) {
    this.createdAt = requireNonNull(createdAt);
    this.createdBy = requireNonNull(createdBy);
    this.requestId = requireNonNull(requestId);
    this.channel = channel.value();
    this.modelId = modelId;
    this.inputJson = requireNonNull(inputJson);
    this.probabilityOfDefault = probabilityOfDefault;
    this.score = score;
    this.decision = requireNonNull(decision);
    this.riskBand = requireNonNull(riskBand);
    this.reasonsJson = requireNonNull(reasonsJson);
  }

  /** Marks the decision as row {@code row} of batch job {@code job}, before it is stored. */
  public Prediction inBatchJob(long job, long row) {
    this.batchJobId = job;
    this.batchRow = row;
    return this;
  }

  /** Gives the decision its id as it is written; an id once given never changes. */
  public void assignId(long id) {
    if (this.id != null) {
      throw new IllegalStateException("prediction " + this.id + " already has its id");
    }
    this.id = id;
  }

  public Long id() { return id; }
  public Instant createdAt() { return createdAt; }
  public String createdBy() { return createdBy; }
  public String requestId() { return requestId; }
  public String channel() { return channel; }
  public long modelId() { return modelId; }
  public String inputJson() { return inputJson; }
  public double probabilityOfDefault() { return probabilityOfDefault; }
  public double score() { return score; }
  public String decision() { return decision; }
  public String riskBand() { return riskBand; }
  public String reasonsJson() { return reasonsJson; }
  public Long batchJobId() { return batchJobId; }
  public Long batchRow() { return batchRow; }
}
