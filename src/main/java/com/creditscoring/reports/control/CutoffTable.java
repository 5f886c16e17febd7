package com.creditscoring.reports.control;

import com.creditscoring.models.control.ModelMetrics.ProbabilityBin;
import com.creditscoring.models.control.ModelSettings;
import com.creditscoring.scoring.control.RiskBand;
import java.util.ArrayList;
import java.util.List;

/**
 * What a cut-off at each risk band would have done, worked out from the model's cross-validated
 * predictions (kept at training in bins one percentage point wide). The bands' bounds are whole
 * percentages, so every bin lies in exactly one band and the counts are exact. Bands run safest
 * first: approving every applicant down to a band approves the cumulative share shown, and the
 * cumulative bad rate is how many of those approved defaulted.
 */
public final class CutoffTable {

  /**
   * @param scores the band's scores under the model's scorecard, e.g. "&gt; 580" or "&le; 512"
   * @param badRate observed default rate within the band; null when nobody fell in it
   * @param approvalRate share of all applicants in this and the safer bands
   * @param approvedBadRate observed default rate among those applicants; null while there are none
   */
  public record Row(
      RiskBand band, double fromProbability, double belowProbability, String scores, int count, Double badRate, double approvalRate, Double approvedBadRate) {}

  private CutoffTable() {}

  /** Empty when the model was trained before its predictions' distribution was kept. */
  public static List<Row> of(List<ProbabilityBin> distribution, ModelSettings settings) {
    if (distribution == null || distribution.isEmpty()) {
      return List.of();
    }
    long total = distribution.stream().mapToLong(ProbabilityBin::count).sum();
    List<Row> rows = new ArrayList<>();
    long approved = 0;
    long approvedDefaults = 0;
    for (RiskBand band : RiskBand.values()) {
      int count = 0;
      int defaults = 0;
      for (ProbabilityBin bin : distribution) {
        if (RiskBand.of(bin.from()) == band) {
          count += bin.count();
          defaults += bin.defaults();
        }
      }
      approved += count;
      approvedDefaults += defaults;
      rows.add(
          new Row(
              band,
              band.from(),
              band.below(),
              scores(band, settings),
              count,
              count == 0 ? null : defaults / (double) count,
              approved / (double) total,
              approved == 0 ? null : approvedDefaults / (double) approved));
    }
    return rows;
  }

  // A higher probability of default means a lower score: a band's scores lie above the score at its
  // upper bound; the riskiest band has everything at or below the score where it begins.
  private static String scores(RiskBand band, ModelSettings settings) {
    return band.below() < 1
        ? "> " + Math.round(settings.score(band.below()))
        : "≤ " + Math.round(settings.score(band.from()));
  }
}
