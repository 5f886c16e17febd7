package com.creditscoring.scoring.control;

import com.creditscoring.datasets.control.DemoData;
import com.creditscoring.models.control.InputField;
import com.creditscoring.models.control.Learner;
import com.creditscoring.models.control.LoadedModel;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.models.control.ModelTrainer;
import com.creditscoring.scoring.control.ApplicationForm.ExtraFields;
import com.creditscoring.scoring.control.Scorer.Caller;
import com.creditscoring.scoring.entity.Prediction.Channel;
import jakarta.json.JsonObject;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The in-process side of bench/scoring.sh: the same model the server trains on its demo data, the
 * same rows, scored by the same code path as the CSV endpoint (read, score, contributions,
 * reasons), without HTTP, CSV writing or the audit commit. Prints rows per second.
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
    score(scorer, model, applications, caller, orderings);
    long start = System.nanoTime();
    double checksum = score(scorer, model, applications, caller, orderings);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(Locale.ROOT, "in-process rows/s %.0f (%d rows in %.2f s, checksum %.4f)%n", applications.size() / seconds, applications.size(), seconds, checksum);
  }

  private static double score(Scorer scorer, LoadedModel model, List<JsonObject> applications, Caller caller, int orderings) {
    double sum = 0;
    for (JsonObject application : applications) {
      var reading = ApplicationForm.read(application, model, ExtraFields.REJECT);
      if (reading.valid()) {
        sum += scorer.score(model, reading.applicant(), caller, Channel.CSV, orderings).probabilityOfDefault();
      }
    }
    return sum;
  }
}
