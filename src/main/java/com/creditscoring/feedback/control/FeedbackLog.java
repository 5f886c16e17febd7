package com.creditscoring.feedback.control;

import com.creditscoring.datasets.control.ColumnSummary;
import com.creditscoring.datasets.control.DatasetCatalog;
import com.creditscoring.datasets.entity.Dataset;
import com.creditscoring.feedback.entity.Feedback;
import com.creditscoring.models.control.LearnerComparison;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.models.control.ModelRegistry;
import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.scoring.control.ApplicationForm;
import com.creditscoring.scoring.control.ApplicationForm.ExtraFields;
import com.creditscoring.storage.control.Database;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Records reported outcomes. Each report is checked against the columns of the dataset in use,
 * so that retraining can append it to that dataset row for row, and against the active model's
 * input schema, as a scoring request is.
 */
@ApplicationScoped
public class FeedbackLog {

  static final Set<String> STATUS_FIELDS = Set.of("predicted_status", "actual_status");

  @Inject Database database;
  @Inject DatasetCatalog datasets;
  @Inject LearnerComparison comparison;
  @Inject ModelRegistry registry;
  @Inject Clock clock;

  /** Which reports to list; empty parts do not filter. */
  public record Filter(Optional<Instant> from, Optional<Instant> to, Optional<Integer> actualStatus, Optional<String> user) {}

  public record Page(List<Feedback> items, long total) {}

  public Feedback record(JsonObject report, String user) {
    // Outcomes belong to the root dataset, so every retraining finds all of them.
    Dataset dataset = datasets.find(comparison.activeDataset().rootId());
    List<FieldError> errors = new ArrayList<>();
    Integer actual = status(report, "actual_status", true, errors);
    Integer predicted = status(report, "predicted_status", false, errors);
    JsonObject fields = checkedFields(report, datasets.columns(dataset), dataset.name(), errors);
    Optional<LoadedModel> active = registry.active();
    active.ifPresent(model -> checkAgainstTheModel(report, model, errors));
    if (!errors.isEmpty()) {
      throw ProblemException.invalid("The feedback has " + errors.size() + " invalid field(s).", errors);
    }
    Long model = active.map(m -> m.id()).orElse(null);
    Feedback feedback = new Feedback(dataset.id(), model, fields.toString(), predicted, actual, user, clock.instant());
    return database.inTransaction(
        em -> {
          em.persist(feedback);
          return feedback;
        });
  }

  public Page list(Filter filter, int page, int size) {
    return database.inTransaction(
        em -> {
          String where = where(filter);
          TypedQuery<Feedback> items = em.createQuery("SELECT f FROM Feedback f" + where + " ORDER BY f.id DESC", Feedback.class);
          TypedQuery<Long> count = em.createQuery("SELECT COUNT(f) FROM Feedback f" + where, Long.class);
          bind(items, filter);
          bind(count, filter);
          return new Page(items.setFirstResult(page * size).setMaxResults(size).getResultList(), count.getSingleResult());
        });
  }

  public List<Feedback> forDataset(long datasetId) {
    return database.inTransaction(
        em -> em.createNamedQuery(Feedback.FOR_DATASET, Feedback.class).setParameter("dataset", datasetId).getResultList());
  }

  private static String where(Filter filter) {
    List<String> parts = new ArrayList<>();
    filter.from().ifPresent(x -> parts.add("f.createdAt >= :from"));
    filter.to().ifPresent(x -> parts.add("f.createdAt < :to"));
    filter.actualStatus().ifPresent(x -> parts.add("f.actualStatus = :actual"));
    filter.user().ifPresent(x -> parts.add("f.createdBy = :user"));
    return parts.isEmpty() ? "" : " WHERE " + String.join(" AND ", parts);
  }

  private static void bind(TypedQuery<?> query, Filter filter) {
    filter.from().ifPresent(x -> query.setParameter("from", x));
    filter.to().ifPresent(x -> query.setParameter("to", x));
    filter.actualStatus().ifPresent(x -> query.setParameter("actual", x));
    filter.user().ifPresent(x -> query.setParameter("user", x));
  }

  private static Integer status(JsonObject report, String field, boolean required, List<FieldError> errors) {
    JsonValue value = report.get(field);
    if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
      if (required) {
        errors.add(new FieldError(field, "is required: 1 if the loan defaulted, 0 if it was repaid"));
      }
      return null;
    }
    if (value instanceof JsonNumber number && number.isIntegral() && (number.intValue() == 0 || number.intValue() == 1)) {
      return number.intValue();
    }
    errors.add(new FieldError(field, "must be 0 (repaid) or 1 (defaulted)"));
    return null;
  }

  /**
   * Holds the loan fields to the rules POST /api/predict applies (the seed's ranges, else the range
   * the model was trained on): an outcome for an applicant the model would not score is no sound
   * training row, and an out-of-range number such as 1e400 (read as infinity) breaks retraining.
   * The rules are {@link ApplicationForm}'s own, not a copy; a field the dataset check has already
   * named is not named twice, and fields outside the model are left to that check.
   */
  static void checkAgainstTheModel(JsonObject report, LoadedModel model, List<FieldError> errors) {
    JsonObjectBuilder loanFields = Json.createObjectBuilder(report);
    STATUS_FIELDS.forEach(loanFields::remove);
    Set<String> named = new HashSet<>();
    errors.forEach(e -> named.add(e.field()));
    ApplicationForm.read(loanFields.build(), model, ExtraFields.IGNORE).errors().stream()
        .filter(e -> !named.contains(e.field()))
        .forEach(errors::add);
  }

  /** The loan fields, checked against the dataset's columns; the target itself is not a field. */
  static JsonObject checkedFields(JsonObject report, List<ColumnSummary> columns, String datasetName, List<FieldError> errors) {
    JsonObjectBuilder fields = Json.createObjectBuilder();
    Set<String> known = new HashSet<>(STATUS_FIELDS);
    for (ColumnSummary column : columns) {
      if (column.target()) {
        continue;
      }
      known.add(column.name());
      JsonValue value = report.get(column.name());
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        if (column.missing() == 0) {
          errors.add(new FieldError(column.name(), "is required"));
        }
        continue;
      }
      if (column.type().equals("numeric")) {
        if (value instanceof JsonNumber number && Double.isFinite(number.doubleValue())) {
          fields.add(column.name(), value);
        } else if (value instanceof JsonNumber) {
          // Checked even without an active model: retraining cannot learn from an infinite number.
          errors.add(new FieldError(column.name(), "must be a finite number, not " + value));
        } else {
          errors.add(new FieldError(column.name(), "must be a number"));
        }
      } else if (value instanceof JsonString text && column.values().contains(text.getString())) {
        fields.add(column.name(), value);
      } else {
        errors.add(new FieldError(column.name(), "must be one of " + column.values()));
      }
    }
    for (String field : report.keySet()) {
      if (!known.contains(field)) {
        errors.add(new FieldError(field, "is not a column of dataset '" + datasetName + "'"));
      }
    }
    return fields.build();
  }
}
