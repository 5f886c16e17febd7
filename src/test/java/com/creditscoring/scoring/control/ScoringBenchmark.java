package com.creditscoring.scoring.control;

import com.creditscoring.datasets.control.DemoData;
import com.creditscoring.models.control.InputField;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.models.control.ModelTrainer;
import com.creditscoring.scoring.control.ApplicationForm.ExtraFields;
import com.creditscoring.scoring.control.Scorer.Caller;
import com.creditscoring.scoring.entity.Prediction;
import com.creditscoring.scoring.entity.Prediction.Channel;
import com.creditscoring.storage.control.Database;
import com.creditscoring.storage.control.DatabaseUrl;
import com.creditscoring.storage.control.IdBlocks;
import com.creditscoring.storage.control.SchemaMigration;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.json.JsonObject;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The in-process side of bench/scoring.sh: the same model the server trains on its demo data, the
 * same rows, scored by the same code path as the CSV endpoint (read, score, contributions,
 * reasons), without HTTP, CSV writing or the audit commit. Prints rows per second.
 *
 * <p>Then the audit commit alone: the same rows' audit rows inserted as a CSV upload commits them
 * ({@link DecisionLog#insert}, {@link CsvScoring#CHUNK} to a transaction) into a new embedded H2
 * database opened as the server opens it. An upload's rows are scored on one thread and committed
 * on another, so on two cores the CSV can go no faster than the slower of the two: this shows how
 * far the audit write alone is from the scoring.
 */
public final class ScoringBenchmark {

  private ScoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path csv = Path.of(args[0]);
    Learner learner = Learner.of(args[1]).orElseThrow();
    int demoRows = Integer.parseInt(args.length > 2 ? args[2] : "5000");
    // The server's demo dataset: same generator, rows and seed (DatasetCatalog), so the same model.
    var trained = ModelTrainer.train(DemoData.generate(demoRows, 20240601L), DemoData.DEFAULT, learner, learner.options(Map.of("folds", 2)), ModelTrainer.Progress.NONE);
    LoadedModel model = LoadedModel.unregistered(trained, DemoData.DEFAULT, ModelSettings.DEFAULT);
    Map<String, Boolean> numeric = model.schema().stream().collect(Collectors.toMap(InputField::name, InputField::numeric));
    List<JsonObject> applications = new ArrayList<>();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      for (CSVRecord record : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
        applications.add(CsvScoring.application(record.toMap(), numeric));
      }
    }
    Scorer scorer = new Scorer();
    scorer.clock = Clock.systemUTC();
    Caller caller = new Caller("bench", "bench", Language.EN);
    int orderings = Integer.parseInt(System.getProperty("orderings", "2"));
    List<Prediction> rows = new ArrayList<>(applications.size());
    double median =
        medianSeconds(
            () -> {
              rows.clear();
              long start = System.nanoTime();
              score(scorer, model, applications, caller, orderings, rows);
              return (System.nanoTime() - start) / 1e9;
            });
    double checksum = rows.stream().mapToDouble(Prediction::probabilityOfDefault).sum();
    System.out.printf(
        Locale.ROOT, "in-process rows/s %.0f (%d rows in %.2f s, median of %d passes after warm-up; checksum %.4f)%n",
        applications.size() / median, applications.size(), median, PASSES, checksum);
    double auditSeconds = auditCommitSeconds(rows);
    System.out.printf(
        Locale.ROOT, "audit-only rows/s %.0f (%d audit rows in %.2f s, %d to a commit, embedded H2, median of %d passes after warm-up)%n",
        rows.size() / auditSeconds, rows.size(), auditSeconds, CsvScoring.CHUNK, PASSES);
  }

  private static final int PASSES = 5;

  /** One pass over the rows; returns the seconds of the part that is measured. */
  private interface Pass {
    double seconds() throws Exception;
  }

  /**
   * A pass over 100k logistic rows takes about a second, and one pass varied by 1.5x from run to
   * run. So: passes until 5 s of warm-up are over, then the median of {@link #PASSES}.
   */
  private static double medianSeconds(Pass pass) throws Exception {
    long warmUntil = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      pass.seconds();
    }
    double[] seconds = new double[PASSES];
    for (int i = 0; i < seconds.length; i++) {
      seconds[i] = pass.seconds();
    }
    Arrays.sort(seconds);
    return seconds[seconds.length / 2];
  }

  /** The median seconds to commit the rows, as fresh decisions, in chunks as CsvScoring does. */
  private static double auditCommitSeconds(List<Prediction> rows) throws Exception {
    Path folder = Files.createTempDirectory("audit-bench");
    DatabaseUrl location = DatabaseUrl.embeddedIn(folder);
    try (HikariDataSource pool = Database.pool(location, 1); Connection connection = pool.getConnection()) {
      SchemaMigration.apply(connection);
      try (Statement statement = connection.createStatement()) {
        // A registered model for the audit rows' foreign key; its dataset does not matter here.
        statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
        statement.execute(
            "INSERT INTO models (id, dataset_id, algorithm, weka_options, options_json, metrics_json, schema_json, settings_json, cv_auc,"
                + " training_rows, content_bytes, checksum, created_by, created_at) VALUES (" + rows.get(0).modelId()
                + ", 1, 'bench', '', '{}', '{}', '[]', '{}', 0.5, 1, 0, '', 'bench', CURRENT_TIMESTAMP)");
        statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
      }
      connection.commit();
      IdBlocks ids = new IdBlocks(location.product(), Prediction.ID_SEQUENCE, Prediction.ID_BLOCK);
      Clock clock = Clock.systemUTC();
      return medianSeconds(
          () -> {
            List<Prediction> copies = freshCopies(rows, clock);
            long start = System.nanoTime();
            commitInChunks(connection, copies, ids, location);
            return (System.nanoTime() - start) / 1e9;
          });
    } finally {
      try (Stream<Path> files = Files.walk(folder)) {
        for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(file);
        }
      }
    }
  }

  private static void commitInChunks(Connection connection, List<Prediction> rows, IdBlocks ids, DatabaseUrl location) throws Exception {
    for (int from = 0; from < rows.size(); from += CsvScoring.CHUNK) {
      DecisionLog.insert(connection, rows.subList(from, Math.min(rows.size(), from + CsvScoring.CHUNK)), ids, location.product());
      connection.commit();
    }
  }

  /** New decisions with the rows' contents and no ids yet, as the next upload would bring. */
  private static List<Prediction> freshCopies(List<Prediction> rows, Clock clock) {
    List<Prediction> copies = new ArrayList<>(rows.size());
    for (Prediction row : rows) {
      copies.add(
          new Prediction(
              clock.instant(), row.createdBy(), row.requestId(), Channel.CSV, row.modelId(), row.inputJson(), row.probabilityOfDefault(),
              row.score(), row.decision(), row.riskBand(), row.reasonsJson()));
    }
    return copies;
  }

  /** Scores the applications, adding each decision's audit row to {@code audit}: the audit commit's rows, and kept so no work is optimised away. */
  private static void score(Scorer scorer, LoadedModel model, List<JsonObject> applications, Caller caller, int orderings, List<Prediction> audit) {
    for (JsonObject application : applications) {
      var reading = ApplicationForm.read(application, model, ExtraFields.REJECT);
      if (reading.valid()) {
        audit.add(scorer.score(model, reading.applicant(), caller, Channel.CSV, orderings).audit());
      }
    }
  }
}
