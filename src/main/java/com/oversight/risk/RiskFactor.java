package com.oversight.risk;

import java.time.LocalDate;

/**
 * One input of the assessment with its provenance: the table variable ({@code factor}), a
 * readable label, the value used, where it comes from, the edition and the as-of date.
 */
public record RiskFactor(String factor, String label, String value, String source,
    String edition, LocalDate asOf) {

  static RiskFactor fromDeal(String factor, String label, Object value) {
    return new RiskFactor(factor, label, String.valueOf(value), RiskFactsBuilder.DEAL_SOURCE,
        null, null);
  }
}
