package com.creditscoring.scoring.control;

import com.creditscoring.models.control.InputField;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.problems.CsvRowLimit;
import com.creditscoring.problems.Problem;
import com.creditscoring.problems.Problem.FieldError;
import com.creditscoring.problems.ProblemException;
import com.creditscoring.problems.Utf8Text;
import com.creditscoring.scoring.control.ApplicationForm.ExtraFields;
import com.creditscoring.scoring.control.Scorer.Caller;
import com.creditscoring.scoring.control.Scorer.Outcome;
import com.creditscoring.scoring.entity.Prediction;
import com.creditscoring.scoring.entity.Prediction.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Scores a CSV of applications into a CSV of decisions, row by row in chunks, so memory stays the
 * same for ten rows or ten million. Each chunk's decisions are committed to the audit trail before
 * its rows are written out.
 */
@ApplicationScoped
public class CsvScoring {

  /** CSV uploads whose chunks can be committed at the same time; more wait for a writer thread. */
  private static final int AUDIT_WRITERS = 4;

  /** Looked up once: {@code Json.createObjectBuilder()} searches for the provider on every call. */
  private static final JsonProvider JSON = JsonProvider.provider();

  /** Rows per audit commit and per flush. */
  static final int CHUNK = 500;

  static final List<String> OUTPUT_COLUMNS =
      List.of("row", "prediction_id", "probability_default", "score", "decision", "risk_band", "reason_codes", "error");

  /**
   * How uploads are read, here, by the batch job and for its result. Blank header names are let
   * through the parser so that {@link #headerErrors} names their columns in a 422.
   */
  static final CSVFormat INPUT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).setAllowMissingColumnNames(true).get();

  /** Rows are written as the seed's clients read them: RFC 4180, quoted only where needed. */
  private static final CSVFormat OUTPUT = CSVFormat.DEFAULT;

  @Inject Scorer scorer;
  @Inject DecisionLog log;
  @Resource ManagedThreadFactory threads;

  /**
   * Commits CSV chunks' decisions, on the server's managed threads but in a pool of its own.
   *
   * <p>Not the server's default executor: training jobs run there, and a CSV's commits must not
   * wait behind a training. Not a {@code ManagedExecutorService} either: it captures the thread
   * context on every task, and Payara's capture searches the class path for context providers each
   * time, which cost 7 % of a CSV's scoring thread at one task per 500 rows. Threads of a managed
   * factory carry the application's context from their start.
   */
  private ExecutorService auditWriter;

  @PostConstruct
  void startAuditWriter() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(AUDIT_WRITERS, AUDIT_WRITERS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), threads);
    pool.allowCoreThreadTimeOut(true);
    auditWriter = pool;
  }

  @PreDestroy
  void stopAuditWriter() {
    auditWriter.shutdown();
  }

  /** A CSV whose header has been checked against the model; its rows are read as they are scored. */
  public record Upload(LoadedModel model, CSVParser parser, List<String> columns) {}

  /**
   * Reads the header and checks it before anything is answered: a header that cannot be read, an
   * unnamed or repeated column, a missing required column or an unexpected one (unless extra fields
   * are ignored) is a 422 naming each, a long name by its first characters only.
   */
  public Upload open(Reader csv) throws IOException {
    LoadedModel model = scorer.activeModel();
    CSVParser parser = parse(csv);
    List<String> columns = parser.getHeaderNames();
    List<FieldError> errors = headerErrors(columns);
    for (InputField field : model.schema()) {
      if (field.required() && !columns.contains(field.name())) {
        errors.add(new FieldError(field.name(), "is a required column"));
      }
    }
    if (scorer.extraFields() == ExtraFields.REJECT) {
      List<String> inputs = model.schema().stream().map(InputField::name).toList();
      columns.stream()
          .filter(c -> !c.isBlank() && !inputs.contains(c)) // an unnamed column is reported by its number
          .distinct()
          .forEach(c -> errors.add(new FieldError(Problem.echo(c), "is not an input of model " + model.id() + "; its inputs are " + inputs)));
    }
    if (!errors.isEmpty()) {
      parser.close();
      throw ProblemException.invalid("The CSV header has " + errors.size() + " problem(s).", errors);
    }
    return new Upload(model, parser, columns);
  }

  /** A parser past the header row; a header that cannot be read is a 422. */
  static CSVParser parse(Reader csv) {
    try {
      return parseInput(csv);
    } catch (IOException e) {
      throw ProblemException.invalid("The CSV header cannot be read.", List.of(unreadable("the header row", e)));
    }
  }

  /**
   * A parser of an upload in the {@link #INPUT} format, wherever it is read: a row that never ends
   * (a quote left open) fails to read at {@link CsvRowLimit#MAX_ROW_CHARACTERS} instead of filling
   * the heap.
   */
  static CSVParser parseInput(Reader csv) throws IOException {
    return INPUT.parse(CsvRowLimit.of(csv, INPUT));
  }

  /**
   * What is wrong with the header by itself: no columns, a column without a name (a trailing comma
   * makes one), a column named twice. A row is read by column name, so a repeated name would
   * silently score one of the two values.
   */
  static List<FieldError> headerErrors(List<String> columns) {
    List<FieldError> errors = new ArrayList<>();
    if (columns.isEmpty()) {
      errors.add(new FieldError("header", "the first line must name the columns"));
    }
    Set<String> seen = new HashSet<>();
    for (int c = 0; c < columns.size(); c++) {
      String name = columns.get(c);
      if (name == null || name.isBlank()) {
        errors.add(new FieldError("header", "column " + (c + 1) + " has no name in the header row"));
      } else if (!seen.add(name)) {
        errors.add(new FieldError(Problem.echo(name), "the header names this column twice"));
      }
    }
    return errors;
  }

  /**
   * Why a part of the upload (the header row, row 12) cannot be read. Text that is not UTF-8 is
   * blamed on the file, not the part: the parser reads ahead, so the bad byte may lie further on.
   */
  static FieldError unreadable(String part, IOException e) {
    if (e instanceof CharacterCodingException) {
      return new FieldError("file", Utf8Text.NOT_UTF8);
    }
    return new FieldError("file", part + " cannot be read as CSV: " + e.getMessage());
  }

  /**
   * Scores every row; returns how many rows were read.
   *
   * <p>A chunk's audit commit runs on the audit writer while this thread scores the next chunk; the
   * chunk is written out only once its commit is done. Scoring and committing cost about the same
   * per row, so overlapping them nearly halves the time of a large file, with at most two chunks in
   * memory. Commits run one after the other, in the file's order, and a chunk's commit is queued
   * before the previous chunk is written out, so the writer does not wait for this thread to write;
   * once a commit fails, the later ones do not run.
   *
   * <p>A row that cannot be parsed (an unterminated quote) ends the answer: the answer has started,
   * so it cannot become a 422 any more, and the parser cannot tell where the next row begins. The
   * rows before it are scored and written, then one last row, with only its number and the error,
   * says why reading stopped.
   */
  public long score(Upload upload, Writer out, Caller caller) throws IOException {
    Map<String, Boolean> numeric = upload.model().schema().stream().collect(Collectors.toMap(InputField::name, InputField::numeric));
    printHeader(out, upload.columns());
    long rows = 0;
    try (CSVParser parser = upload.parser()) {
      Rows records = new Rows(parser.iterator());
      Chunk committing = null;
      CompletableFuture<Void> lastCommit = CompletableFuture.completedFuture(null);
      for (List<CSVRecord> chunk = records.next(CHUNK); !chunk.isEmpty(); chunk = records.next(CHUNK)) {
        List<Outcome> outcomes = new ArrayList<>(chunk.size());
        for (CSVRecord record : chunk) {
          rows++;
          outcomes.add(
              record.size() != upload.columns().size()
                  ? new Outcome((int) rows, null, List.of(new FieldError("row", "has " + record.size() + " values for " + upload.columns().size() + " columns")))
                  : scorer.decideRecord(upload.model(), application(record.toMap(), numeric), (int) rows, "", caller, Channel.CSV));
        }
        List<Prediction> decisions = outcomes.stream().filter(o -> o.decision() != null).map(o -> o.decision().audit()).toList();
        // Queued behind the previous chunk's commit before that chunk is written out, so the audit
        // writer goes straight on to it; it runs only if the previous one was stored.
        lastCommit = lastCommit.thenRunAsync(() -> log.record(decisions), auditWriter);
        if (committing != null) {
          committing.writeOnceCommitted(out);
        }
        committing = new Chunk(chunk, outcomes, lastCommit);
      }
      if (committing != null) {
        committing.writeOnceCommitted(out);
      }
      if (records.unreadable() != null) {
        StringBuilder text = new StringBuilder();
        printUnreadableRow(text, upload.columns().size(), rows + 1, records.unreadable().message() + "; the rows after it were not read");
        out.append(text);
      }
    }
    out.flush();
    return rows;
  }

  /** Reads the rows a chunk at a time, until the end or the first row that cannot be parsed. */
  static final class Rows {
    private final Iterator<CSVRecord> records;
    private long read;
    private FieldError unreadable;

    Rows(Iterator<CSVRecord> records) {
      this.records = records;
    }

    /** Up to {@code max} rows; none once the end or an unreadable row is reached. */
    List<CSVRecord> next(int max) {
      List<CSVRecord> chunk = new ArrayList<>(max);
      try {
        while (unreadable == null && chunk.size() < max && records.hasNext()) {
          chunk.add(records.next());
        }
      } catch (UncheckedIOException e) {
        unreadable = CsvScoring.unreadable("row " + (read + chunk.size() + 1), e.getCause());
      }
      read += chunk.size();
      return chunk;
    }

    /** Why reading stopped before the end, or null. */
    FieldError unreadable() {
      return unreadable;
    }
  }

  /** A row that could not be parsed: no values, its number, blank decision columns and the error. */
  static void printUnreadableRow(StringBuilder text, int columns, long row, String error) throws IOException {
    for (int c = 0; c < columns; c++) {
      OUTPUT.print("", text, c == 0);
    }
    OUTPUT.print(row, text, columns == 0);
    for (int i = 0; i < OUTPUT_COLUMNS.size() - 2; i++) {
      OUTPUT.print("", text, false);
    }
    OUTPUT.print(error, text, false);
    OUTPUT.println(text);
  }

  /** Scored rows whose decisions are being committed. */
  private record Chunk(List<CSVRecord> records, List<Outcome> outcomes, Future<?> committed) {

    /**
     * Writes the chunk's rows once its decisions are stored. The rows are put together in memory
     * and written at once: printing each value to the writer took a lock per call and was a third
     * of the scoring thread.
     */
    void writeOnceCommitted(Writer out) throws IOException {
      try {
        committed.get();
      } catch (ExecutionException e) {
        throw new IllegalStateException("the decisions could not be stored: " + e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while storing decisions", e);
      }
      StringBuilder text = new StringBuilder(records.size() * 256);
      for (int i = 0; i < records.size(); i++) {
        printRow(text, records.get(i), outcomes.get(i));
      }
      out.append(text);
      out.flush();
    }
  }

  /** A CSV row as the JSON an application would be: numbers where the model wants numbers, blanks left out. */
  static JsonObject application(Map<String, String> row, Map<String, Boolean> numeric) {
    JsonObjectBuilder application = JSON.createObjectBuilder();
    row.forEach(
        (column, text) -> {
          if (text == null || text.isEmpty()) {
            return;
          }
          if (Boolean.TRUE.equals(numeric.get(column))) {
            try {
              application.add(column, new BigDecimal(text));
              return;
            } catch (NumberFormatException e) {
              // left as text, so validation names it as "must be a number, not the text ..."
            }
          }
          application.add(column, text);
        });
    return application.build();
  }

  /** A scored row of the answer: the row as it came, then its decision's columns or its errors. */
  static void printRow(StringBuilder text, CSVRecord record, Outcome outcome) throws IOException {
    Scorer.Decision d = outcome.decision();
    if (d == null) {
      printRow(text, record, outcome.index(), null, "", outcome.errors().stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")));
    } else {
      printRow(text, record, outcome.index(), d.audit(), d.reasons().stream().map(ReasonCodes.Reason::code).collect(Collectors.joining(";")), "");
    }
  }

  /**
   * A row of a result file, as {@link #OUTPUT_COLUMNS} name them: the row as it came and its
   * number, then the stored decision with its reason codes, or blank decision columns and the
   * error when there is no decision.
   */
  static void printRow(StringBuilder text, CSVRecord record, long row, Prediction decision, String reasonCodes, String error) throws IOException {
    boolean first = true;
    for (String value : record) {
      OUTPUT.print(value, text, first);
      first = false;
    }
    OUTPUT.print(row, text, first);
    if (decision == null) {
      for (int i = 0; i < OUTPUT_COLUMNS.size() - 2; i++) {
        OUTPUT.print("", text, false);
      }
    } else {
      OUTPUT.print(decision.id(), text, false);
      OUTPUT.print(decision.probabilityOfDefault(), text, false);
      OUTPUT.print(Math.round(decision.score()), text, false);
      OUTPUT.print(decision.decision(), text, false);
      OUTPUT.print(decision.riskBand(), text, false);
      OUTPUT.print(reasonCodes, text, false);
    }
    OUTPUT.print(error, text, false);
    OUTPUT.println(text);
  }

  /** The header of a result file: the upload's columns, then {@link #OUTPUT_COLUMNS}. */
  static void printHeader(Writer out, List<String> columns) throws IOException {
    List<String> header = new ArrayList<>(columns);
    header.addAll(OUTPUT_COLUMNS);
    OUTPUT.printRecord(out, header.toArray());
  }
}
