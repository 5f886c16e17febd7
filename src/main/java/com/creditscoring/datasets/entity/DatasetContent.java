package com.creditscoring.datasets.entity;

import static java.util.Objects.requireNonNull;

import com.creditscoring.storage.entity.StoredBytes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The rows of a dataset as gzip-compressed ARFF, read only when training. */
@Entity
@Table(name = "dataset_contents")
public class DatasetContent extends StoredBytes {

  @Id
  @Column(name = "dataset_id")
  private Long datasetId;

  protected DatasetContent() {}

  public DatasetContent(Long datasetId, byte[] content) {
    super(content);
    this.datasetId = requireNonNull(datasetId);
  }
}
