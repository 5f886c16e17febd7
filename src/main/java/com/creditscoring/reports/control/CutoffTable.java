package com.creditscoring.reports.control;

import com.creditscoring.models.control.ModelMetrics.CalibrationBin;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.scoring.control.RiskBand;
import java.util.ArrayList;
import java.util.List;

/**
 * What each cut-off would do, worked out from the cross-validated predictions the registry stored
 * at training: their deciles of predicted probability of default (calibration bins), safest first.
 * Approving every applicant up to a decile approves the cumulative share of applicants shown, and
 * the cumulative bad rate is how many of those approved defaulted. The deciles' boundaries are not
 * stored, only their mean prediction, so each row's score and risk band are those of that mean.
 */
public final class CutoffTable {

  /**
   * @param decile 1 for the tenth of applicants with the lowest predicted probability of default
   * @param badRate observed default rate within the decile
   * @param approvalRate share of all applicants in this and the safer deciles
   * @param approvedBadRate observed default rate among those applicants
   */
  public record Row(
      int decile, int count, double meanProbability, int score, RiskBand riskBand, double badRate, double approvalRate, double approvedBadRate) {}

  private CutoffTable() {}

  public static List<Row> of(List<CalibrationBin> bins, ModelSettings settings) {
    List<CalibrationBin> safestFirst = bins.stream().sorted(java.util.Comparator.comparingDouble(CalibrationBin::meanPredicted)).toList();
    long total = safestFirst.stream().mapToLong(CalibrationBin::count).sum();
    List<Row> rows = new ArrayList<>();
    long approved = 0;
    double approvedBad = 0;
    for (CalibrationBin bin : safestFirst) {
      approved += bin.count();
      // Exact: each bin's rate was computed from whole counts of defaulters.
      approvedBad += Math.round(bin.observedRate() * bin.count());
      rows.add(
          new Row(
              bin.decile(),
              bin.count(),
              bin.meanPredicted(),
              (int) Math.round(settings.score(bin.meanPredicted())),
              RiskBand.of(bin.meanPredicted()),
              bin.observedRate(),
              approved / (double) total,
              approvedBad / approved));
    }
    return rows;
  }
}
