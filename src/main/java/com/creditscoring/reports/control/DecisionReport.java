package com.creditscoring.reports.control;

import static java.util.Objects.requireNonNull;

import com.creditscoring.scoring.control.Language;
import com.creditscoring.scoring.control.RiskBand;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What the decision report shows, already worded in {@code language} where words come from the
 * model (input labels, reason texts, factor names): plain values, so rendering needs neither HTTP
 * nor JPA.
 *
 * @param contributionsChart a PNG (e.g. from ContributionChart), or null to leave the chart out
 * @param topContributions largest first, in log-odds of default
 */
public record DecisionReport(
    Language language,
    Instant decidedAt,
    String predictionId,
    String modelVersion,
    List<Input> inputs,
    Decision decision,
    double probabilityOfDefault,
    int score,
    RiskBand riskBand,
    List<Reason> reasons,
    List<Contribution> topContributions,
    byte[] contributionsChart) {

  /** The three outcomes of the model's cut-offs, as the audit trail spells them in lower case. */
  public enum Decision {
    APPROVE,
    REVIEW,
    DECLINE;

    /** @param word approve, review or decline */
    public static Decision of(String word) {
      return valueOf(word.toUpperCase(Locale.ROOT));
    }
  }

  /** One row of the applicant's table: a field's label and its value as entered. */
  public record Input(String label, String value) {
    public Input {
      requireNonNull(label);
      requireNonNull(value);
    }
  }

  /** An adverse-action reason: a stable code and its text for people. */
  public record Reason(String code, String text) {
    public Reason {
      requireNonNull(code);
      requireNonNull(text);
    }
  }

  /** A factor's share of the log-odds of default: positive raises the risk. */
  public record Contribution(String label, double logOdds) {
    public Contribution {
      requireNonNull(label);
    }

    public boolean raisesRisk() {
      return logOdds > 0;
    }
  }

  public DecisionReport {
    requireNonNull(language);
    requireNonNull(decidedAt);
    requireNonNull(predictionId);
    requireNonNull(modelVersion);
    requireNonNull(decision);
    requireNonNull(riskBand);
    if (!(probabilityOfDefault >= 0 && probabilityOfDefault <= 1)) {
      throw new IllegalArgumentException("probability of default outside [0, 1]: " + probabilityOfDefault);
    }
    inputs = List.copyOf(inputs);
    reasons = List.copyOf(reasons);
    topContributions = List.copyOf(topContributions);
    contributionsChart = contributionsChart == null ? null : contributionsChart.clone();
  }

  public double probabilityOfRepayment() {
    return 1 - probabilityOfDefault;
  }

  /** A copy: the report stays as it was made. */
  @Override
  public byte[] contributionsChart() {
    return contributionsChart == null ? null : contributionsChart.clone();
  }
}
