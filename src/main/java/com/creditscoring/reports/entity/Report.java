package com.creditscoring.reports.entity;

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

/** A PDF report that was made: who made it, of what, and the file it is in. */
@Entity
@Table(name = "reports")
@NamedQuery(name = Report.BY_FILE_NAME, query = "SELECT r FROM Report r WHERE r.fileName = :name")
public class Report {

  public static final String BY_FILE_NAME = "Report.byFileName";

  @Id
  @SequenceGenerator(name = "reports_seq", sequenceName = "reports_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reports_seq")
  private Long id;

  @Column(nullable = false, length = 64)
  private String owner;

  /** decision, comparison or model_card. */
  @Column(nullable = false, length = 32)
  private String kind;

  /** What the report is about, e.g. prediction-123. */
  @Column(nullable = false, length = 64)
  private String subject;

  @Column(name = "file_name", nullable = false, unique = true)
  private String fileName;

  @Column(nullable = false, length = 2)
  private String language;

  @Column(name = "size_bytes", nullable = false)
  private long sizeBytes;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Report() {}

  public Report(String owner, String kind, String subject, String fileName, String language, long sizeBytes, Instant createdAt) {
    this.owner = requireNonNull(owner);
    this.kind = requireNonNull(kind);
    this.subject = requireNonNull(subject);
    this.fileName = requireNonNull(fileName);
    this.language = requireNonNull(language);
    this.sizeBytes = sizeBytes;
    this.createdAt = requireNonNull(createdAt);
  }

  public Long id() { return id; }
  public String owner() { return owner; }
  public String kind() { return kind; }
  public String subject() { return subject; }
  public String fileName() { return fileName; }
  public String language() { return language; }
  public long sizeBytes() { return sizeBytes; }
  public Instant createdAt() { return createdAt; }
}
