package com.creditscoring.reports.entity;

import static java.util.Objects.requireNonNull;

import com.creditscoring.storage.entity.StoredBytes;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A report's PDF, read only when the report is downloaded. */
@Entity
@Table(name = "report_contents")
public class ReportContent extends StoredBytes {

  @Id
  @Column(name = "report_id")
  private Long reportId;

  protected ReportContent() {}

  public ReportContent(Long reportId, byte[] content) {
    super(content);
    this.reportId = requireNonNull(reportId);
  }
}
