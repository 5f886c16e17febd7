package com.creditscoring.datasets.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The rows of a dataset as gzip-compressed ARFF, read only when training. */
@Entity
@Table(name = "dataset_contents")
public class DatasetContent {

  @Id
  @Column(name = "dataset_id")
  private Long datasetId;

  @Column(nullable = false)
  private byte[] content;

  protected DatasetContent() {}

  public DatasetContent(Long datasetId, byte[] content) {
    this.datasetId = requireNonNull(datasetId);
    this.content = requireNonNull(content);
  }

  public byte[] content() {
    return content;
  }
}
