package com.creditscoring.models.control;

/**
 * How a model's probability of default becomes a score and a decision, kept with each model
 * version and editable by an administrator.
 *
 * @param baseScore points at the base odds (600)
 * @param baseOdds good-to-bad odds that earn the base score (50, i.e. 50:1)
 * @param pointsToDoubleOdds points that double the odds (20)
 * @param approveBelow probability of default under which an application is approved
 * @param declineFrom probability of default from which it is declined; in between it is reviewed
 */
public record ModelSettings(
    double baseScore, double baseOdds, double pointsToDoubleOdds, double approveBelow, double declineFrom) {

  public static final ModelSettings DEFAULT = new ModelSettings(600, 50, 20, 0.10, 0.30);

  /** Scorecard points: higher is safer. */
  public double score(double probabilityOfDefault) {
    double p = Math.min(Math.max(probabilityOfDefault, 1e-6), 1 - 1e-6);
    double factor = pointsToDoubleOdds / Math.log(2);
    double offset = baseScore - factor * Math.log(baseOdds);
    return offset + factor * Math.log((1 - p) / p);
  }

  public String decision(double probabilityOfDefault) {
    if (probabilityOfDefault < approveBelow) {
      return "approve";
    }
    return probabilityOfDefault >= declineFrom ? "decline" : "review";
  }
}
