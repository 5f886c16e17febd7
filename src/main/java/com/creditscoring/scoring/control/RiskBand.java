package com.creditscoring.scoring.control;

/**
 * Risk grades by probability of default, the same for every model so that bands can be compared
 * across versions. The decision itself comes from the model's own cut-offs.
 */
public enum RiskBand {
  A(0.02),
  B(0.05),
  C(0.10),
  D(0.20),
  E(0.40),
  F(1.01);

  /** Probabilities of default below this bound fall in the band. */
  private final double below;

  RiskBand(double below) {
    this.below = below;
  }

  /** The lowest probability of default in the band. */
  public double from() {
    return ordinal() == 0 ? 0 : values()[ordinal() - 1].below;
  }

  /** Probabilities of default in the band are below this; at most 1. */
  public double below() {
    return Math.min(below, 1);
  }

  public static RiskBand of(double probabilityOfDefault) {
    for (RiskBand band : values()) {
      if (probabilityOfDefault < band.below) {
        return band;
      }
    }
    return F;
  }
}
