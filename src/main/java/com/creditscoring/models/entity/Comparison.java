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
import java.time.Instant;

/** The learners cross-validated side by side on one dataset. */
@Entity
@Table(name = "comparisons")
@NamedQuery(
    name = Comparison.LATEST_FOR_DATASET,
    query = "SELECT c FROM Comparison c WHERE c.datasetId = :dataset ORDER BY c.id DESC")
public class Comparison {

  public static final String LATEST_FOR_DATASET = "Comparison.latestForDataset";

  @Id
  @SequenceGenerator(name = "comparisons_seq", sequenceName = "comparisons_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "comparisons_seq")
  private Long id;

  @Column(name = "dataset_id", nullable = false)
  private Long datasetId;

  @Column(name = "results_json", nullable = false)
  private String resultsJson;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Comparison() {}

  public Comparison(Long datasetId, String resultsJson, String createdBy, Instant createdAt) {
    this.datasetId = requireNonNull(datasetId);
    this.resultsJson = requireNonNull(resultsJson);
    this.createdBy = requireNonNull(createdBy);
    this.createdAt = requireNonNull(createdAt);
  }

  public Long datasetId() { return datasetId; }
  public String resultsJson() { return resultsJson; }
  public Instant createdAt() { return createdAt; }
}
