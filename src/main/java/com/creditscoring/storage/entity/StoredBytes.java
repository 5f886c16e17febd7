package com.creditscoring.storage.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

/**
 * The bytes of a file kept in the database beside the row that describes it (a dataset, a model, a
 * report), in a table of their own keyed by that row's id: listing the rows never reads the bytes.
 */
@MappedSuperclass
public abstract class StoredBytes {

  @Column(nullable = false)
  private byte[] content;

  protected StoredBytes() {}

  protected StoredBytes(byte[] content) {
    this.content = requireNonNull(content);
  }

  public byte[] content() {
    return content;
  }
}
