package com.creditscoring.models.entity;

import static java.util.Objects.requireNonNull;

import com.creditscoring.storage.entity.StoredBytes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The serialized Weka model and its training header, read only when a model is loaded. */
@Entity
@Table(name = "model_contents")
public class ModelContent extends StoredBytes {

  @Id
  @Column(name = "model_id")
  private Long modelId;

  protected ModelContent() {}

  public ModelContent(Long modelId, byte[] content) {
    super(content);
    this.modelId = requireNonNull(modelId);
  }
}
