package com.creditscoring.datasets.entity;

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
 * A registered table of loan outcomes to train on. Immutable once registered: a model records the
 * dataset it was trained on, so the data behind it must not change.
 */
@Entity
@Table(name = "datasets")
@NamedQuery(name = Dataset.ALL, query = "SELECT d FROM Dataset d ORDER BY d.id")
@NamedQuery(name = Dataset.COUNT, query = "SELECT COUNT(d) FROM Dataset d")
public class Dataset {

  public static final String ALL = "Dataset.findAll";
  public static final String COUNT = "Dataset.count";

  /** Where the rows came from. */
  public enum Source {
    /** Generated on first start; synthetic, for trying the product out. */
    DEMO,
    /** Shipped with the product (German credit). */
    BUILTIN,
    /** Uploaded by an analyst. */
    UPLOAD,
    /** Another dataset plus reported outcomes, made by retraining. */
    DERIVED
  }

  @Id
  @SequenceGenerator(name = "datasets_seq", sequenceName = "datasets_seq", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "datasets_seq")
  private Long id;

  @Column(nullable = false, length = 200)
  private String name;

  @Column(nullable = false, length = 16)
  private String source;

  @Column(length = 1000)
  private String description;

  @Column(name = "target_column", nullable = false, length = 128)
  private String targetColumn;

  @Column(name = "positive_class", nullable = false, length = 128)
  private String positiveClass;

  @Column(name = "row_count", nullable = false)
  private int rowCount;

  @Column(name = "default_rate", nullable = false)
  private double defaultRate;

  @Column(name = "columns_json", nullable = false)
  private String columnsJson;

  @Column(name = "content_bytes", nullable = false)
  private long contentBytes;

  @Column(nullable = false, length = 64)
  private String checksum;

  /** For a derived dataset: the one it extends. Feedback and retraining always work on the root. */
  @Column(name = "parent_id")
  private Long parentId;

  @Column(name = "builtin_key", length = 32)
  private String builtinKey;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected Dataset() {}

  public Dataset(
      String name,
      Source source,
      String description,
      String targetColumn,
      String positiveClass,
      int rowCount,
      double defaultRate,
      String columnsJson,
      long contentBytes,
      String checksum,
      String createdBy,
      Instant createdAt) {
    this.name = requireNonNull(name);
    this.source = source.name().toLowerCase(java.util.Locale.ROOT);
    this.description = description;
    this.targetColumn = requireNonNull(targetColumn);
    this.positiveClass = requireNonNull(positiveClass);
    this.rowCount = rowCount;
    this.defaultRate = defaultRate;
    this.columnsJson = requireNonNull(columnsJson);
    this.contentBytes = contentBytes;
    this.checksum = requireNonNull(checksum);
    this.createdBy = requireNonNull(createdBy);
    this.createdAt = requireNonNull(createdAt);
  }

  /** The stored rows' size and checksum, known once they are compressed. */
  public Dataset withContent(long bytes, String sha256) {
    contentBytes = bytes;
    checksum = requireNonNull(sha256);
    return this;
  }

  public Dataset derivedFrom(Long parent) {
    parentId = requireNonNull(parent);
    return this;
  }

  /** The dataset this one extends, or its own id when it extends none. */
  public Long rootId() {
    return parentId == null ? id : parentId;
  }

  /** Marks a dataset the product registers itself, so it is registered only once. */
  public Dataset asBuiltin(String key) {
    builtinKey = requireNonNull(key);
    return this;
  }

  public Long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public String source() {
    return source;
  }

  public String description() {
    return description;
  }

  public String targetColumn() {
    return targetColumn;
  }

  public String positiveClass() {
    return positiveClass;
  }

  public int rowCount() {
    return rowCount;
  }

  public double defaultRate() {
    return defaultRate;
  }

  public String columnsJson() {
    return columnsJson;
  }

  public long contentBytes() {
    return contentBytes;
  }

  public String checksum() {
    return checksum;
  }

  public String createdBy() {
    return createdBy;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
