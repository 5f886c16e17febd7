package com.creditscoring.models.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single row naming the model that scores: activation is one update of it. */
@Entity
@Table(name = "active_model")
public class ActiveModel {

  public static final int ROW = 1;

  @Id private Integer id;

  @Column(name = "model_id")
  private Long modelId;

  @Column(name = "activated_by", length = 64)
  private String activatedBy;

  @Column(name = "activated_at")
  private Instant activatedAt;

  protected ActiveModel() {}

  public Long modelId() {
    return modelId;
  }

  public Instant activatedAt() {
    return activatedAt;
  }

  public void activate(Long model, String user, Instant at) {
    modelId = model;
    activatedBy = user;
    activatedAt = at;
  }
}
