package com.creditscoring.scoring.entity;

import static java.util.Objects.requireNonNull;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A row of a batch job's file that could not be scored, and why. */
@Entity
@Table(name = "batch_job_errors")
@IdClass(BatchJobError.Key.class)
public class BatchJobError {

  /** The composite key: job and row. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    Long batchJobId;
    Long batchRow;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key && java.util.Objects.equals(batchJobId, key.batchJobId) && java.util.Objects.equals(batchRow, key.batchRow);
    }

    @Override
    public int hashCode() {
      return java.util.Objects.hash(batchJobId, batchRow);
    }
  }

  @Id
  @Column(name = "batch_job_id")
  private Long batchJobId;

  @Id
  @Column(name = "batch_row")
  private Long batchRow;

  @Column(nullable = false, length = 4000)
  private String message;

  protected BatchJobError() {}

  public BatchJobError(long batchJobId, long batchRow, String message) {
    this.batchJobId = batchJobId;
    this.batchRow = batchRow;
    this.message = requireNonNull(message).length() > 4000 ? message.substring(0, 4000) : message;
  }

  public long batchRow() { return batchRow; }
  public String message() { return message; }
}
