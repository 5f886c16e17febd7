package com.creditscoring.scoring.control;

import com.creditscoring.scoring.control.Contributions.Contribution;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Adverse-action reasons: the fields that raised this applicant's risk the most compared with a
 * typical applicant, as the model itself weighed them (see {@link Contributions}).
 */
public final class ReasonCodes {

  /** At most this many reasons, as adverse-action notices customarily give. */
  public static final int MAX_REASONS = 4;

  /** Contributions smaller than this (in log-odds) are noise, not a reason. */
  static final double MATERIAL = 0.01;

  /**
   * @param code stable and machine-readable: the field in capitals, with _HIGH, _LOW or _MISSING
   *     for numbers
   */
  public record Reason(String code, String field, Object value, double contribution, String text) {}

  /** English and Russian names of the seed's fields; other fields are named as they are. */
  static final Map<String, String[]> LABELS =
      Map.ofEntries(
          Map.entry("person_age", new String[] {"Applicant's age", "Возраст заёмщика"}),
          Map.entry("person_income", new String[] {"Annual income", "Годовой доход"}),
          Map.entry("person_home_ownership", new String[] {"Home ownership", "Владение жильём"}),
          Map.entry("person_emp_length", new String[] {"Years in employment", "Стаж работы (лет)"}),
          Map.entry("loan_intent", new String[] {"Loan purpose", "Цель кредита"}),
          Map.entry("loan_grade", new String[] {"Loan grade", "Класс кредита"}),
          Map.entry("loan_amnt", new String[] {"Loan amount", "Сумма кредита"}),
          Map.entry("loan_int_rate", new String[] {"Interest rate", "Процентная ставка"}),
          Map.entry("loan_percent_income", new String[] {"Loan as a share of income", "Доля кредита в доходе"}),
          Map.entry("cb_person_default_on_file", new String[] {"Earlier default on file", "Дефолт в кредитной истории"}),
          Map.entry("cb_person_cred_hist_length", new String[] {"Credit history length (years)", "Длина кредитной истории (лет)"}));

  private ReasonCodes() {}

  /** Looked up once: each lookup searches the class path for the provider. */
  private static final JsonProvider JSON = JsonProvider.provider();

  private static final Pattern NOT_IN_CODES = Pattern.compile("[^A-Z0-9]+");
  private static final Pattern EDGE_UNDERSCORES = Pattern.compile("^_+|_+$");

  /** Each field's code stem, worked out once per field name. */
  private static final Map<String, String> CODE_STEMS = new ConcurrentHashMap<>();

  public static List<Reason> of(List<Contribution> contributions, Language language) {
    return contributions.stream()
        .filter(c -> c.contribution() > MATERIAL)
        .sorted(Comparator.comparingDouble(Contribution::contribution).reversed())
        .limit(MAX_REASONS)
        .map(c -> new Reason(code(c), c.field(), c.value(), c.contribution(), text(c, language)))
        .toList();
  }

  /**
   * The reasons as the audit trail stores them: what {@code SnakeCase.JSON.toJson(reasons)} writes
   * (checked in ReasonCodesTest), without its reflection, which cost a third of scoring an
   * application.
   */
  public static String toJson(List<Reason> reasons) {
    StringWriter out = new StringWriter(128 * (reasons.size() + 1));
    try (JsonGenerator json = JSON.createGenerator(out)) {
      json.writeStartArray();
      writeEach(json, reasons);
      json.writeEnd();
    }
    return out.toString();
  }

  /** Writes each reason into the array {@code json} is in, as the binding would write it. */
  public static void writeEach(JsonGenerator json, List<Reason> reasons) {
    for (Reason reason : reasons) {
      // The binding's order: properties sorted by name, a null value left out.
      json.writeStartObject()
          .write("code", reason.code())
          .write("contribution", reason.contribution())
          .write("field", reason.field())
          .write("text", reason.text());
      if (reason.value() instanceof Double number) {
        json.write("value", number);
      } else if (reason.value() != null) {
        json.write("value", reason.value().toString());
      }
      json.writeEnd();
    }
  }

  /** The codes of stored reasons (the audit trail's JSON), joined by ";" as the CSV answers show them. */
  public static String codesOf(String reasonsJson) {
    try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(reasonsJson))) {
      return reader.readArray().getValuesAs(jakarta.json.JsonObject.class).stream()
          .map(r -> r.getString("code"))
          .collect(java.util.stream.Collectors.joining(";"));
    }
  }

  public static String label(String field, Language language) {
    String[] names = LABELS.get(field);
    return names == null ? field : language.pick(names[0], names[1]);
  }

  static String code(Contribution c) {
    String field = CODE_STEMS.computeIfAbsent(c.field(), ReasonCodes::codeStem);
    if (c.value() == null) {
      return field + "_MISSING";
    }
    if (c.value() instanceof Double value) {
      return field + (value > ((Number) c.typical()).doubleValue() ? "_HIGH" : "_LOW");
    }
    return field;
  }

  /**
   * A field name in capitals, each run of other characters one underscore, none at either end: an
   * uploaded file's "Loan amount (€)" becomes LOAN_AMOUNT, so LOAN_AMOUNT_HIGH, not LOAN_AMOUNT__HIGH.
   * A name with no letter or digit keeps a stem that still says what it is.
   */
  static String codeStem(String field) {
    String stem = EDGE_UNDERSCORES.matcher(NOT_IN_CODES.matcher(field.toUpperCase(Locale.ROOT)).replaceAll("_")).replaceAll("");
    return stem.isEmpty() ? "FIELD" : stem;
  }

  static String text(Contribution c, Language language) {
    String label = label(c.field(), language);
    if (c.value() == null) {
      return label + language.pick(" not given", ": не указано");
    }
    if (c.value() instanceof Double value) {
      double typical = ((Number) c.typical()).doubleValue();
      String comparison =
          value > typical
              ? language.pick(" is higher than typical: ", " выше обычного: ")
              : language.pick(" is lower than typical: ", " ниже обычного: ");
      return label + comparison + number(value) + language.pick(" (typical ", " (обычно ") + number(typical) + ")";
    }
    return label + ": " + c.value() + language.pick(" (most common: ", " (чаще всего: ") + c.typical() + ")";
  }

  /** A field's value for people: numbers shortened, categories as they are, a dash when not given. */
  public static String show(Object value) {
    if (value == null) {
      return "—";
    }
    return value instanceof Number number ? number(number.doubleValue()) : value.toString();
  }

  /** Whole numbers from 100 up, three significant digits below: 65891, 17.5, 0.05. */
  static String number(double value) {
    if (Math.abs(value) >= 100) {
      return Long.toString(Math.round(value));
    }
    return new java.math.BigDecimal(value).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
  }
}
