package com.creditscoring.models.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The serialized Weka model and its training header, read only when a model is loaded. */
@Entity
@Table(name = "model_contents")
public class ModelContent {

  @Id
  @Column(name = "model_id")
  private Long modelId;

  @Column(nullable = false)
  private byte[] content;

  protected ModelContent() {}

  public ModelContent(Long modelId, byte[] content) {
    this.modelId = requireNonNull(modelId);
    this.content = requireNonNull(content);
  }

  public byte[] content() {
    return content;
  }
}
