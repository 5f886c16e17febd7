package com.creditscoring.feedback.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a loan really did, reported after the decision: one row for retraining. */
@Entity
@Table(name = "feedback")
@NamedQuery(name = Feedback.FOR_DATASET, query = "SELECT f FROM Feedback f WHERE f.datasetId = :dataset ORDER BY f.id")
public class Feedback {

  public static final String FOR_DATASET = "Feedback.forDataset";

  @Id
  @SequenceGenerator(name = "feedback_seq", sequenceName = "feedback_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "feedback_seq")
  private Long id;

  /** The dataset whose columns the fields follow: the active one when it was reported. */
  @Column(name = "dataset_id", nullable = false)
  private Long datasetId;

  @Column(name = "model_id")
  private Long modelId;

  @Column(name = "fields_json", nullable = false)
  private String fieldsJson;

  @Column(name = "predicted_status")
  private Integer predictedStatus;

  @Column(name = "actual_status", nullable = false)
  private int actualStatus;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Feedback() {}

  public Feedback(Long datasetId, Long modelId, String fieldsJson, Integer predictedStatus, int actualStatus, String createdBy, Instant createdAt) {
    this.datasetId = requireNonNull(datasetId);
    this.modelId = modelId;
    this.fieldsJson = requireNonNull(fieldsJson);
    this.predictedStatus = predictedStatus;
    this.actualStatus = actualStatus;
    this.createdBy = requireNonNull(createdBy);
    this.createdAt = requireNonNull(createdAt);
  }

  public Long id() { return id; }
  public Long datasetId() { return datasetId; }
  public Long modelId() { return modelId; }
  public String fieldsJson() { return fieldsJson; }
  public Integer predictedStatus() { return predictedStatus; }
  public int actualStatus() { return actualStatus; }
  public String createdBy() { return createdBy; }
  public Instant createdAt() { return createdAt; }
}
