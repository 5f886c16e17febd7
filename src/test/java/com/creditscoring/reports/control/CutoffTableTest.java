package com.creditscoring.reports.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.creditscoring.models.control.ModelMetrics;
import com.creditscoring.models.control.ModelMetrics.CalibrationBin;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.scoring.control.RiskBand;
import com.creditscoring.testing.SampleModelReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class CutoffTableTest {

  @Test
  void cumulatesApprovalsAndDefaultsFromTheSafestDecileUp() {
    List<CalibrationBin> bins =
        List.of(
            new CalibrationBin(1, 100, 0.01, 0.02),
            new CalibrationBin(2, 100, 0.08, 0.10),
            new CalibrationBin(3, 200, 0.45, 0.50));

    List<CutoffTable.Row> rows = CutoffTable.of(bins, ModelSettings.DEFAULT);

    assertEquals(3, rows.size());
    CutoffTable.Row first = rows.get(0);
    assertEquals(1, first.decile());
    assertEquals(0.25, first.approvalRate(), 1e-12); // 100 of 400
    assertEquals(0.02, first.approvedBadRate(), 1e-12);
    assertEquals(RiskBand.A, first.riskBand());
    CutoffTable.Row second = rows.get(1);
    assertEquals(0.5, second.approvalRate(), 1e-12);
    assertEquals((2 + 10) / 200.0, second.approvedBadRate(), 1e-12);
    assertEquals(RiskBand.C, second.riskBand());
    CutoffTable.Row last = rows.get(2);
    assertEquals(1.0, last.approvalRate(), 1e-12);
    assertEquals((2 + 10 + 100) / 400.0, last.approvedBadRate(), 1e-12, "everyone approved: the overall bad rate");
    assertEquals(0.50, last.badRate(), 1e-12);
    assertEquals(RiskBand.F, last.riskBand());
  }

  @Test
  void scoresEachDecileAtItsMeanPredictionWithTheModelsScorecard() {
    ModelSettings settings = new ModelSettings(600, 50, 20, 0.1, 0.3);
    CutoffTable.Row row = CutoffTable.of(List.of(new CalibrationBin(1, 10, 1 / 51.0, 0.0)), settings).get(0);
    // Odds of 50:1 earn the base score exactly.
    assertEquals(600, row.score());
  }

  @Test
  void onCrossValidatedPredictionsTheCumulativeBadRateEndsAtTheOverallRateAndNeverFalls() {
    ModelMetrics.Predictions predictions = SampleModelReports.calibratedPredictions(1_000);
    ModelMetrics metrics = ModelMetrics.of(predictions, 0.5, 10, List.of(), 0);
    long defaults = 0;
    for (boolean d : predictions.defaulted()) {
      defaults += d ? 1 : 0;
    }

    List<CutoffTable.Row> rows = CutoffTable.of(metrics.calibration(), ModelSettings.DEFAULT);

    assertEquals(10, rows.size());
    assertEquals(1_000, rows.stream().mapToInt(CutoffTable.Row::count).sum());
    assertEquals(defaults / 1_000.0, rows.get(9).approvedBadRate(), 1e-12);
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(rows.get(i).meanProbability() > rows.get(i - 1).meanProbability(), "safest first");
      assertTrue(rows.get(i).score() <= rows.get(i - 1).score(), "riskier deciles score lower");
      assertTrue(rows.get(i).approvalRate() > rows.get(i - 1).approvalRate());
    }
    // A calibrated model: the riskiest tenth defaults far more often than the safest.
    assertTrue(rows.get(9).badRate() > 4 * rows.get(0).badRate() + 0.1, rows::toString);
  }
}
