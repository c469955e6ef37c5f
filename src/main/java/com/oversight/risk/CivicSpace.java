package com.oversight.risk;

/**
 * CIVICUS Monitor rating of civic space, ordered from least to most risk. UNKNOWN (no readable
 * rating) matches no rule: CIVICUS is not a required indicator.
 */
public enum CivicSpace {
  OPEN, NARROWED, UNKNOWN, OBSTRUCTED, REPRESSED, CLOSED;

  /** Reads a stored rating, case-insensitively; UNKNOWN when unreadable. */
  public static CivicSpace parse(String value) {
    String normalised = FreedomStatus.normalise(value);
    for (CivicSpace rating : values()) {
      if (rating != UNKNOWN && rating.name().equals(normalised)) {
        return rating;
      }
    }
    return UNKNOWN;
  }
}
