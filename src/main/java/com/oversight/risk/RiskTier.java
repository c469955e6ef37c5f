package com.oversight.risk;

/** The risk tier of a deal, from least to most severe (compare with {@link #compareTo}). */
public enum RiskTier {
  LOW, MEDIUM, HIGH, PROHIBITED;

  /** The more severe of two tiers. */
  public RiskTier atLeast(RiskTier other) {
    return other.compareTo(this) > 0 ? other : this;
  }
}
