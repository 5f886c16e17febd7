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

/**
 * One trained model version: immutable once registered (only its scorecard and cut-off settings
 * may change), so every decision can be traced to exactly the model that made it. The id is the
 * version number.
 */
@Entity
@Table(name = "models")
@NamedQuery(name = ScoringModel.ALL, query = "SELECT m FROM ScoringModel m ORDER BY m.id")
@NamedQuery(name = ScoringModel.COUNT_FOR_DATASET, query = "SELECT COUNT(m) FROM ScoringModel m WHERE m.datasetId = :dataset")
public class ScoringModel {

  public static final String ALL = "ScoringModel.findAll";
  public static final String COUNT_FOR_DATASET = "ScoringModel.countForDataset";

  @Id
  @SequenceGenerator(name = "models_seq", sequenceName = "models_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "models_seq")
  private Long id;

  @Column(name = "dataset_id", nullable = false)
  private Long datasetId;

  @Column(nullable = false, length = 32)
  private String algorithm;

  @Column(name = "weka_options", nullable = false, length = 2000)
  private String wekaOptions;

  @Column(name = "options_json", nullable = false)
  private String optionsJson;

  @Column(name = "metrics_json", nullable = false)
  private String metricsJson;

  @Column(name = "schema_json", nullable = false)
  private String schemaJson;

  @Column(name = "settings_json", nullable = false)
  private String settingsJson;

  @Column(name = "cv_auc", nullable = false)
  private double cvAuc;

  @Column(name = "training_rows", nullable = false)
  private int trainingRows;

  @Column(name = "content_bytes", nullable = false)
  private long contentBytes;

  @Column(nullable = false, length = 64)
  private String checksum;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ScoringModel() {}

  public ScoringModel(
      Long datasetId, String algorithm, String wekaOptions, String optionsJson, String metricsJson,
      String schemaJson, String settingsJson, double cvAuc, int trainingRows, long contentBytes,
      String checksum, String createdBy, Instant createdAt) {
    this.datasetId = requireNonNull(datasetId);
    this.algorithm = requireNonNull(algorithm);
    this.wekaOptions = requireNonNull(wekaOptions);
    this.optionsJson = requireNonNull(optionsJson);
    this.metricsJson = requireNonNull(metricsJson);
    this.schemaJson = requireNonNull(schemaJson);
    this.settingsJson = requireNonNull(settingsJson);
    this.cvAuc = cvAuc;
    this.trainingRows = trainingRows;
    this.contentBytes = contentBytes;
    this.checksum = requireNonNull(checksum);
    this.createdBy = requireNonNull(createdBy);
    this.createdAt = requireNonNull(createdAt);
  }

  /** Scorecard scaling and decision bands may be tuned after training; nothing else may. */
  public void changeSettings(String json) {
    settingsJson = requireNonNull(json);
  }

  public Long id() { return id; }
  public Long datasetId() { return datasetId; }
  public String algorithm() { return algorithm; }
  public String wekaOptions() { return wekaOptions; }
  public String optionsJson() { return optionsJson; }
  public String metricsJson() { return metricsJson; }
  public String schemaJson() { return schemaJson; }
  public String settingsJson() { return settingsJson; }
  public double cvAuc() { return cvAuc; }
  public int trainingRows() { return trainingRows; }
  public long contentBytes() { return contentBytes; }
  public String checksum() { return checksum; }
  public String createdBy() { return createdBy; }
  public Instant createdAt() { return createdAt; }
}
