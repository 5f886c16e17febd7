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
    // A pass over 100k logistic rows takes about a second: one pass varied by 1.5x from run to
    // run. So: passes until 5 s of warm-up are over, then the median of 5 measured passes.
    long warmUntil = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < warmUntil) {
      score(scorer, model, applications, caller, orderings);
    }
    double[] seconds = new double[5];
    double checksum = 0;
    for (int pass = 0; pass < seconds.length; pass++) {
      long start = System.nanoTime();
      checksum = score(scorer, model, applications, caller, orderings);
      seconds[pass] = (System.nanoTime() - start) / 1e9;
    }
    java.util.Arrays.sort(seconds);
    double median = seconds[seconds.length / 2];
    System.out.printf(
        Locale.ROOT, "in-process rows/s %.0f (%d rows in %.2f s, median of %d passes after warm-up; checksum %.4f)%n",
        applications.size() / median, applications.size(), median, seconds.length, checksum);
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
