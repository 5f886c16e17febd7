package com.creditscoring.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.models.control.ModelMetrics;
import com.creditscoring.models.control.ModelMetrics.ProbabilityBin;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.scoring.control.RiskBand;
import com.creditscoring.testing.SampleModelReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutoffTableTest {

  @Test
  void countsEachBandExactlyAndCumulatesApprovalsAndDefaultsFromTheSafestBand() {
    List<ProbabilityBin> distribution =
        List.of(
            new ProbabilityBin(0.00, 60, 0), // A
            new ProbabilityBin(0.01, 40, 2), // A
            new ProbabilityBin(0.02, 100, 4), // B: 2 % is where B begins
            new ProbabilityBin(0.45, 200, 100)); // F

    List<CutoffTable.Row> rows = CutoffTable.of(distribution, ModelSettings.DEFAULT);

    assertEquals(List.of(RiskBand.values()), rows.stream().map(CutoffTable.Row::band).toList(), "every band, safest first");
    CutoffTable.Row a = rows.get(0);
    assertEquals(100, a.count());
    assertEquals(0.02, a.badRate(), 1e-12);
    assertEquals(0.25, a.approvalRate(), 1e-12); // 100 of 400
    CutoffTable.Row b = rows.get(1);
    assertEquals(100, b.count());
    assertEquals(0.5, b.approvalRate(), 1e-12);
    assertEquals(6 / 200.0, b.approvedBadRate(), 1e-12);
    CutoffTable.Row c = rows.get(2);
    assertEquals(0, c.count());
    assertNull(c.badRate(), "nobody in the band: no rate, rather than 0 %");
    assertEquals(0.5, c.approvalRate(), 1e-12);
    CutoffTable.Row f = rows.get(5);
    assertEquals(200, f.count());
    assertEquals(0.5, f.badRate(), 1e-12);
    assertEquals(1.0, f.approvalRate(), 1e-12);
    assertEquals(106 / 400.0, f.approvedBadRate(), 1e-12, "everyone approved: the overall bad rate");
    assertEquals(0.40, f.fromProbability(), 1e-12);
    assertEquals(1.0, f.belowProbability(), 1e-12);
  }

  @Test
  void showsEachBandsScoresUnderTheModelsScorecard() {
    // Odds of 50:1 (probability of default 1/51) earn 600; each doubling of the odds 20 points.
    ModelSettings settings = new ModelSettings(600, 50, 20, 0.1, 0.3);
    List<CutoffTable.Row> rows = CutoffTable.of(List.of(new ProbabilityBin(0.0, 1, 0)), settings);

    assertEquals("> " + Math.round(settings.score(0.02)), rows.get(0).scores());
    assertEquals("> 527", rows.get(3).scores()); // below 20 %: odds 4:1, 600 - 20 * log2(50 / 4) = 527.1
    assertEquals("≤ " + Math.round(settings.score(0.40)), rows.get(5).scores());
  }

  @Test
  void aModelTrainedBeforeTheDistributionWasKeptHasNoTable() {
    assertEquals(List.of(), CutoffTable.of(null, ModelSettings.DEFAULT));
  }

  @Test
  void onCrossValidatedPredictionsEveryApplicantIsCountedOnceAndRiskierBandsDefaultMore() {
    ModelMetrics.Predictions predictions = SampleModelReports.calibratedPredictions(1_000);
    ModelMetrics metrics = ModelMetrics.of(predictions, 0.5, 10, List.of(), 0);
    long defaults = 0;
    for (boolean d : predictions.defaulted()) {
      defaults += d ? 1 : 0;
    }
    int[] perBand = new int[RiskBand.values().length];
    for (double p : predictions.probability()) {
      perBand[RiskBand.of(p).ordinal()]++;
    }

    List<CutoffTable.Row> rows = CutoffTable.of(metrics.distribution(), ModelSettings.DEFAULT);

    for (CutoffTable.Row row : rows) {
      assertEquals(perBand[row.band().ordinal()], row.count(), () -> "band " + row.band() + " counted as the scorer bands each applicant");
    }
    assertEquals(defaults / 1_000.0, rows.get(5).approvedBadRate(), 1e-12);
    CutoffTable.Row safest = rows.stream().filter(r -> r.count() > 0).findFirst().orElseThrow();
    assertTrue(rows.get(5).badRate() > safest.badRate() + 0.1, rows::toString);
  }
}
