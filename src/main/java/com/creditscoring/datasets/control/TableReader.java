package com.creditscoring.datasets.control;

import com.creditscoring.problems.CsvRowLimit;
import com.creditscoring.problems.Problem;
import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.problems.Utf8Text;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.Utils;
import weka.core.converters.ArffLoader;

/**
 * Reads an uploaded table (CSV with a header row, or ARFF) into Weka's {@link Instances}, with the
 * target as a two-valued nominal class. Every defect is reported with its row and column, all of
 * them at once (up to a limit), as a 422 problem: no target, a target that is not binary, ragged
 * rows, an empty file, too many categories, text that is not UTF-8, a name or value too long or
 * with a control character in it.
 *
 * <p>CSV files are read twice from disk, never held as text in memory: the first pass learns each
 * column's type and checks the shape, the second builds the numeric rows.
 */
public final class TableReader {

  /** How much an uploaded table may contain. */
  public record Limits(int maxCategories, int maxErrors) {
    public static final Limits DEFAULT = new Limits(100, 20);
  }

  /**
   * The longest column name: the catalog keeps the target's name in a column of 128 characters.
   */
  public static final int MAX_NAME_LENGTH = 128;

  /**
   * The longest value: the catalog keeps the target value meaning default in a column of 128
   * characters, and a category longer than that is free text, not a category. The same bound keeps
   * a column's summary (every category twice) near 100 × 2 × 128 characters.
   */
  public static final int MAX_VALUE_LENGTH = 128;

  /** Cells that mean "not known". */
  private static final Set<String> MISSING = Set.of("", "?", "na", "n/a", "nan", "null");

  private TableReader() {}

  public static boolean isMissing(String cell) {
    return cell == null || MISSING.contains(cell.strip().toLowerCase(Locale.ROOT));
  }

  public static Instances readCsv(Path file, String target, Limits limits) {
    Errors errors = new Errors(limits.maxErrors());
    List<String> header;
    List<ColumnScan> scans = new ArrayList<>();
    int rows = 0;
    try (CSVParser parser = csv(file)) {
      header = parser.getHeaderNames();
      checkHeader(header, errors);
      for (String name : header) {
        scans.add(new ColumnScan(name, limits.maxCategories()));
      }
      for (CSVRecord record : parser) {
        rows++;
        long row = record.getRecordNumber();
        if (record.size() != header.size()) {
          errors.add("file", "row " + row + ": " + record.size() + " values, the header has " + header.size());
          continue;
        }
        for (int c = 0; c < header.size(); c++) {
          String defect = valueDefect(record.get(c).strip());
          if (defect != null) {
            // Left out of the scan: a 5 MB cell is not kept as a category while the others are read.
            errors.add(Problem.echo(header.get(c)), "row " + row + ", column " + (c + 1) + ": " + defect);
          } else {
            scans.get(c).see(record.get(c));
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw unreadable(e.getCause(), errors);
    } catch (IOException e) {
      throw unreadable(e, errors);
    }
    if (rows == 0) {
      errors.add("file", "the file has no data rows (an empty file, or only a header)");
    }
    int targetIndex = header.indexOf(target);
    if (targetIndex < 0) {
      errors.add("target", "no column named '" + Problem.echo(target) + "'; the columns are " + header.stream().map(Problem::echo).toList());
    }
    for (int c = 0; c < scans.size(); c++) {
      if (!header.get(c).isBlank()) { // an unnamed column is already reported, by its number
        scans.get(c).check(c == targetIndex, errors);
      }
    }
    errors.throwIfAny();

    Instances data = emptyTable(file.getFileName().toString(), scans, targetIndex, rows);
    try (CSVParser parser = csv(file)) {
      for (CSVRecord record : parser) {
        double[] values = new double[scans.size()];
        for (int c = 0; c < scans.size(); c++) {
          values[c] = scans.get(c).encode(record.get(c), data.attribute(c));
        }
        data.add(new DenseInstance(1.0, values));
      }
    } catch (IOException e) {
      throw unreadable(e, errors);
    }
    return data;
  }

  public static Instances readArff(Path file, String target, Limits limits) {
    Errors errors = new Errors(limits.maxErrors());
    Instances data;
    try (Reader reader = Utf8Text.reader(file)) {
      data = new ArffLoader.ArffReader(reader).getData();
    } catch (IOException e) {
      throw unreadable(e, errors);
    } catch (RuntimeException e) {
      errors.add("file", "not a valid ARFF file: " + e.getMessage());
      throw errors.problem();
    }
    if (data.numInstances() == 0) {
      errors.add("file", "the file has no data rows");
    }
    checkArffTexts(data, errors);
    Attribute targetAttribute = data.attribute(target);
    if (targetAttribute == null) {
      List<String> names = new ArrayList<>();
      data.enumerateAttributes().asIterator().forEachRemaining(a -> names.add(a.name()));
      names.add(data.attribute(data.numAttributes() - 1).name());
      errors.add("target", "no attribute named '" + Problem.echo(target) + "'; the attributes are "
          + new LinkedHashSet<>(names.stream().map(Problem::echo).toList()));
      throw errors.problem();
    }
    for (int a = 0; a < data.numAttributes(); a++) {
      Attribute attribute = data.attribute(a);
      if (attribute.isNominal() && attribute.numValues() > limits.maxCategories() && a != targetAttribute.index()) {
        errors.add(Problem.echo(attribute.name()), attribute.numValues() + " categories, more than the limit of " + limits.maxCategories());
      } else if (!attribute.isNominal() && !attribute.isNumeric()) {
        errors.add(Problem.echo(attribute.name()), "only numeric and nominal attributes are supported, not " + Attribute.typeToString(attribute));
      }
    }
    if (!targetAttribute.isNominal() || targetAttribute.numValues() != 2) {
      errors.add(Problem.echo(target), "the target must have exactly two values (good and bad outcomes), it has "
          + (targetAttribute.isNominal() ? targetAttribute.numValues() + " values" : "numeric values"));
    }
    for (int i = 0; i < data.numInstances() && targetAttribute.isNominal(); i++) {
      if (data.instance(i).isMissing(targetAttribute)) {
        errors.add(Problem.echo(target), "row " + (i + 1) + ": the target is missing");
      }
    }
    errors.throwIfAny();
    data.setClass(targetAttribute);
    return data;
  }

  private static final CSVFormat CSV =
      CSVFormat.DEFAULT.builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreSurroundingSpaces(true)
          .setIgnoreEmptyLines(true)
          // A blank header name is reported by checkHeader, with its column, as a 422; refused by the
          // parser it would be an IllegalArgumentException naming nothing the client could act on.
          .setAllowMissingColumnNames(true)
          .get();

  /** A quote left open fails to read at {@link CsvRowLimit#MAX_ROW_CHARACTERS} instead of filling the heap. */
  private static CSVParser csv(Path file) throws IOException {
    return CSV.parse(CsvRowLimit.of(Utf8Text.reader(file), CSV));
  }

  private static ProblemException unreadable(Throwable e, Errors errors) {
    if (e instanceof CharacterCodingException) {
      errors.add("file", Utf8Text.NOT_UTF8);
    } else {
      errors.add("file", "the file cannot be read: " + e.getMessage());
    }
    return errors.problem();
  }

  private static void checkHeader(List<String> header, Errors errors) {
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < header.size(); c++) {
      String name = header.get(c);
      String defect = name == null ? null : nameDefect(name);
      if (name == null || name.isBlank()) {
        errors.add("file", "column " + (c + 1) + " has no name in the header row");
      } else if (defect != null) {
        errors.add("file", "column " + (c + 1) + " of the header row: " + defect);
      } else if (!seen.add(name)) {
        errors.add(Problem.echo(name), "the header names this column twice");
      }
    }
  }

  /**
   * ARFF declares its names and categories before the rows: each is held to the limits a CSV's
   * header and cells are. The relation's name is kept in the stored ARFF, so it may not break it.
   */
  private static void checkArffTexts(Instances data, Errors errors) {
    if (controlCharacterIn(data.relationName()) != null) {
      errors.add("file", "the @relation name has a control character " + controlCharacterIn(data.relationName()));
    }
    for (int a = 0; a < data.numAttributes(); a++) {
      Attribute attribute = data.attribute(a);
      String nameDefect = nameDefect(attribute.name());
      if (nameDefect != null) {
        errors.add("file", "attribute " + (a + 1) + ": " + nameDefect);
        continue;
      }
      for (int v = 0; attribute.isNominal() && v < attribute.numValues(); v++) {
        String valueDefect = valueDefect(attribute.value(v));
        if (valueDefect != null) {
          errors.add(Problem.echo(attribute.name()), "declared value " + (v + 1) + ": " + valueDefect);
        }
      }
    }
  }

  /** Why a column name cannot be kept, or null. */
  static String nameDefect(String name) {
    if (name.length() > MAX_NAME_LENGTH) {
      return "the name is " + name.length() + " characters long, more than the limit of " + MAX_NAME_LENGTH + " ('" + Problem.echo(name) + "')";
    }
    String control = controlCharacterIn(name);
    return control == null ? null : "the name '" + Problem.echo(name) + "' has a control character " + control;
  }

  /** Why a cell (surrounding whitespace already stripped) cannot be kept, or null. */
  static String valueDefect(String cell) {
    if (cell.length() > MAX_VALUE_LENGTH) {
      return "the value is " + cell.length() + " characters long, more than the limit of " + MAX_VALUE_LENGTH;
    }
    String control = controlCharacterIn(cell);
    return control == null ? null : "the value has a control character " + control;
  }

  /**
   * The first control character (U+0000–U+001F, U+007F–U+009F) as "U+0000 at position 2", or null.
   * None is allowed, tab and line breaks included: surrounding whitespace is trimmed anyway, and
   * inside a name or category one only makes two labels that look the same, and the stored ARFF
   * cannot be read back for training.
   */
  static String controlCharacterIn(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        return String.format(Locale.ROOT, "U+%04X at position %d", (int) text.charAt(i), i + 1);
      }
    }
    return null;
  }

  private static Instances emptyTable(String name, List<ColumnScan> scans, int targetIndex, int rows) {
    ArrayList<Attribute> attributes = new ArrayList<>();
    for (ColumnScan scan : scans) {
      attributes.add(scan.attribute());
    }
    Instances data = new Instances(name, attributes, rows);
    data.setClassIndex(targetIndex);
    return data;
  }

  /** What one pass learns about a column. */
  private static final class ColumnScan {
    private final String name;
    private final int maxCategories;
    private final Set<String> categories = new TreeSet<>();
    private boolean allNumeric = true;
    private boolean tooMany;
    private long present;
    private long missing;
    private boolean nominal;

    ColumnScan(String name, int maxCategories) {
      this.name = name;
      this.maxCategories = maxCategories;
    }

    void see(String raw) {
      if (isMissing(raw)) {
        missing++;
        return;
      }
      present++;
      String cell = raw.strip();
      if (allNumeric && !isNumber(cell)) {
        allNumeric = false;
      }
      if (!tooMany) {
        categories.add(cell);
        tooMany = categories.size() > Math.max(maxCategories, 2) + 1;
      }
    }

    void check(boolean isTarget, Errors errors) {
      if (isTarget) {
        nominal = true;
        if (missing > 0) {
          errors.add(Problem.echo(name), missing + " rows have no target value");
        }
        if (categories.size() != 2) {
          errors.add(Problem.echo(name), "the target must have exactly two values (good and bad outcomes), it has "
              + (tooMany ? "more than " + (maxCategories + 1) : categories.size()) + (categories.size() <= 10 ? ": " + categories : ""));
        }
        return;
      }
      if (present == 0) {
        errors.add(Problem.echo(name), "the column is empty");
        return;
      }
      nominal = !allNumeric;
      if (nominal && (tooMany || categories.size() > maxCategories)) {
        errors.add(Problem.echo(name), "more than " + maxCategories + " categories: is it an identifier or free text? Remove it");
      }
    }

    Attribute attribute() {
      return nominal ? new Attribute(name, new ArrayList<>(categories)) : new Attribute(name);
    }

    double encode(String raw, Attribute attribute) {
      if (isMissing(raw)) {
        return Utils.missingValue();
      }
      String cell = raw.strip();
      return nominal ? attribute.indexOfValue(cell) : Double.parseDouble(cell);
    }

    private static boolean isNumber(String cell) {
      try {
        double value = Double.parseDouble(cell);
        return !Double.isNaN(value) && !Double.isInfinite(value);
      } catch (NumberFormatException e) {
        return false;
      }
    }
  }

  /** Collects defects up to a limit, then answers them as one problem. */
  static final class Errors {
    private final int max;
    private final List<FieldError> list = new ArrayList<>();
    private int dropped;

    Errors(int max) {
      this.max = max;
    }

    void add(String field, String message) {
      if (list.size() < max) {
        list.add(new FieldError(field, message));
      } else {
        dropped++;
      }
    }

    ProblemException problem() {
      String detail = "The dataset has " + (list.size() + dropped) + " problem(s)"
          + (dropped > 0 ? "; the first " + list.size() + " are listed" : "") + ".";
      return ProblemException.invalid(detail, list);
    }

    void throwIfAny() {
      if (!list.isEmpty()) {
        throw problem();
      }
    }
  }
}
