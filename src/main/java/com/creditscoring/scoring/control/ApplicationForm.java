package com.creditscoring.scoring.control;

import com.creditscoring.models.control.InputField;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.problems.Problem.FieldError;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * Reads a loan application against the active model's input schema, collecting every problem at
 * once. The seed silently turned an unknown category into zeros; here it is an error that lists
 * the values the model knows.
 */
public final class ApplicationForm {

  /** Looked up once: {@code Json.createObjectBuilder()} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** What to do with a field the model does not use. */
  public enum ExtraFields {
    REJECT,
    IGNORE
  }

  /** An accepted application: what the model scores, and the fields as they were read. */
  public record Applicant(Instance instance, JsonObject fields) {}

  /** The application read, or the reasons it cannot be. */
  public record Reading(Applicant applicant, List<FieldError> errors) {
    public boolean valid() {
      return errors.isEmpty();
    }
  }

  /** A numeric range a field must stay in. */
  record Bounds(double min, double max) {
    boolean contain(double value) {
      return value >= min && value <= max;
    }
  }

  /**
   * The seed's own ranges for its LoanRequest fields; they apply whenever a model uses a field of
   * that name. Other numeric fields must stay within what the model saw in training: a model
   * cannot vouch for an applicant unlike any it learnt from.
   */
  static final Map<String, Bounds> SEED_RANGES =
      Map.of(
          "person_age", new Bounds(18, 100),
          "person_income", new Bounds(10_000, 1_000_000),
          "person_emp_length", new Bounds(0, 50),
          "loan_amnt", new Bounds(1_000, 100_000),
          "loan_int_rate", new Bounds(0, 100),
          "loan_percent_income", new Bounds(0, 1),
          "cb_person_cred_hist_length", new Bounds(0, 50));

  private ApplicationForm() {}

  public static Reading read(JsonObject application, LoadedModel model, ExtraFields extraFields) {
    return read(application, model, extraFields, "");
  }

  /**
   * @param fieldPrefix put before each field name in errors, e.g. {@code [3].} for a batch record
   */
  public static Reading read(JsonObject application, LoadedModel model, ExtraFields extraFields, String fieldPrefix) {
    Instances header = model.header();
    double[] values = new double[header.numAttributes()];
    JsonObjectBuilder fields = JSON.createObjectBuilder();
    List<FieldError> errors = new ArrayList<>();
    Set<String> known = new HashSet<>();
    for (InputField field : model.schema()) {
      known.add(field.name());
      int index = header.attribute(field.name()).index();
      JsonValue value = application.get(field.name());
      if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
        values[index] = Utils.missingValue();
        if (field.required()) {
          errors.add(new FieldError(fieldPrefix + field.name(), "is required"));
        }
        continue;
      }
      String problem = field.numeric() ? readNumber(field, value, index, values, fields) : readCategory(field, value, index, values, fields);
      if (problem != null) {
        errors.add(new FieldError(fieldPrefix + field.name(), problem));
      }
    }
    if (extraFields == ExtraFields.REJECT) {
      application.keySet().stream()
          .filter(name -> !known.contains(name))
          .sorted()
          .forEach(name -> errors.add(new FieldError(fieldPrefix + name, "is not an input of model " + model.id() + "; its inputs are " + known.stream().sorted().toList())));
    }
    if (!errors.isEmpty()) {
      return new Reading(null, errors);
    }
    Instance instance = new DenseInstance(1.0, values);
    instance.setDataset(header);
    instance.setClassMissing();
    return new Reading(new Applicant(instance, fields.build()), List.of());
  }

  private static String readNumber(InputField field, JsonValue value, int index, double[] values, JsonObjectBuilder fields) {
    if (!(value instanceof JsonNumber number)) {
      return "must be a number, not " + describe(value);
    }
    double x = number.doubleValue();
    Bounds bounds = SEED_RANGES.get(field.name());
    if (bounds == null && field.observedMin() != null && field.observedMax() != null) {
      bounds = new Bounds(field.observedMin(), field.observedMax());
    }
    if (bounds != null && !bounds.contain(x)) {
      String source = SEED_RANGES.containsKey(field.name()) ? "" : " (the range the model was trained on)";
      return "must be between " + plain(bounds.min()) + " and " + plain(bounds.max()) + source + ", not " + plain(x);
    }
    values[index] = x;
    fields.add(field.name(), number);
    return null;
  }

  private static String readCategory(InputField field, JsonValue value, int index, double[] values, JsonObjectBuilder fields) {
    if (!(value instanceof JsonString text)) {
      return "must be one of " + field.allowedValues() + ", not " + describe(value);
    }
    int position = field.allowedValues().indexOf(text.getString());
    if (position < 0) {
      return "must be one of " + field.allowedValues() + ", not '" + text.getString() + "'";
    }
    values[index] = position;
    fields.add(field.name(), text);
    return null;
  }

  private static String describe(JsonValue value) {
    return switch (value.getValueType()) {
      case STRING -> "the text " + value;
      case TRUE, FALSE -> "a boolean";
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      default -> value.toString();
    };
  }

  static String plain(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
