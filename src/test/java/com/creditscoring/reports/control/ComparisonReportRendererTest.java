package com.creditscoring.reports.control;

import static com.creditscoring.testing.Pdfs.assertShows;
import static com.creditscoring.testing.Pdfs.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.models.control.LearnerComparison;
import com.creditscoring.models.control.ModelMetrics.RocPoint;
import com.creditscoring.scoring.control.Language;
import com.creditscoring.testing.Pdfs;
import com.creditscoring.testing.SampleModelReports;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ComparisonReportRendererTest {

  private final ComparisonReportRenderer renderer = new ComparisonReportRenderer();

  @Test
  void englishReportTablesEveryLearnersFiguresBestFirstWithTheRocChart() throws IOException {
    byte[] pdf = renderer.render(SampleModelReports.comparison(Language.EN));
    String text = text(pdf);

    assertShows(
        text,
        "Model comparison report",
        "credit-risk (seed schema) (32,581 rows)",
        "2026-03-16 10:15 UTC",
        "2026-03-16 09:00 UTC",
        "The latest comparison stored for this dataset",
        "boosted_trees",
        "Boosted trees (LogitBoost)",
        "random_forest",
        "logistic",
        "Logistic regression",
        "0.952", // boosted AUC
        "0.904", // its Gini
        "0.771", // its KS
        "0.934", // its accuracy
        "0.870", // logistic AUC
        "0.590", // logistic KS
        "ROC curves");
    assertTrue(text.indexOf("boosted_trees") < text.indexOf("random_forest") && text.indexOf("random_forest") < text.indexOf("logistic"), text);
    assertEquals(1, Pdfs.images(pdf));
    Pdfs.assertOnlyEmbeddedDejaVu(pdf);
  }

  @Test
  void russianReportIsInCyrillicWithDecimalCommas() throws IOException {
    String text = text(renderer.render(SampleModelReports.comparison(Language.RU)));

    assertShows(text, "Отчет о сравнении моделей", "Набор данных", "Логистическая регрессия", "Случайный лес", "ROC-кривые", "Джини", "0,952", "0,861", "boosted_trees");
    assertFalse(text.contains("Model comparison report"), text);
  }

  @Test
  void saysWhenTheComparisonWasRunForTheReport() throws IOException {
    ComparisonReport stored = SampleModelReports.comparison(Language.EN);
    ComparisonReport fresh =
        new ComparisonReport(
            Language.EN, stored.madeAt(), stored.dataset(), stored.datasetRows(), stored.madeAt(), false, stored.learners(), stored.rocChart());

    assertShows(text(renderer.render(fresh)), "it was run for this report and stored");
  }

  @Test
  void drawsOneCurvePerLearnerNamedWithItsAuc() throws IOException {
    List<RocPoint> curve = List.of(new RocPoint(0, 0), new RocPoint(0.1, 0.6), new RocPoint(1, 1));
    var results =
        List.of(
            new LearnerComparison.Result("random_forest", 0.9, 0.93, 0.86, 0.72, 0.06, 8, curve),
            new LearnerComparison.Result("logistic", 0.86, 0.87, 0.74, 0.59, 0.09, 1, curve));
    var compared = new LearnerComparison.Compared(results, Instant.parse("2026-03-16T09:00:00Z"), true);

    ComparisonReport report = ComparisonReports.of("demo", 2_000, compared, Instant.parse("2026-03-16T10:00:00Z"), Language.RU);

    assertEquals(List.of("random_forest", "logistic"), report.learners().stream().map(ComparisonReport.Learner::model).toList());
    assertEquals(0.93, report.learners().get(0).auc());
    var image = ImageIO.read(new ByteArrayInputStream(report.rocChart()));
    assertTrue(image.getWidth() > 500 && image.getHeight() > 400, image::toString);
    assertShows(text(renderer.render(report)), "demo", "0,930", "0,870");
  }
}
