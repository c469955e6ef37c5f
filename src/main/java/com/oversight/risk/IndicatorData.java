package com.oversight.risk;

/** How complete the required country indicators are, from best to worst. */
public enum IndicatorData {
  /** Every required indicator is present and within the allowed age. */
  COMPLETE,
  /** Every required indicator is present, at least one is older than the allowed age. */
  STALE,
  /** At least one required indicator is absent or unreadable. */
  MISSING
}
