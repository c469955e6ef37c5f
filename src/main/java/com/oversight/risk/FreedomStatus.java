package com.oversight.risk;

import java.util.Locale;

/** Freedom House status, ordered from least to most risk; UNKNOWN when there is no readable rating. */
public enum FreedomStatus {
  FREE, PARTLY_FREE, UNKNOWN, NOT_FREE;

  /** Reads a stored rating ("NOT_FREE", "Not Free", "partly-free" …); UNKNOWN when unreadable. */
  public static FreedomStatus parse(String value) {
    String normalised = normalise(value);
    for (FreedomStatus status : values()) {
      if (status != UNKNOWN && status.name().equals(normalised)) {
        return status;
      }
    }
    return UNKNOWN;
  }

  static String normalise(String value) {
    return value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
  }
}
