package com.oversight.review;

import com.oversight.risk.RiskTier;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a candidate risk decision would have changed over a period: totals, the tier and route
 * transition tables (current → candidate, every cell, unchanged ones included), the cases whose
 * tier, red flags or route would change, and the cases that could not be replayed.
 */
public record DecisionImpactResult(
    LocalDate from,
    LocalDate to,
    String candidateName,
    Totals totals,
    Map<RiskTier, Map<RiskTier, Integer>> tierTransitions,
    Map<Route, Map<Route, Integer>> routeTransitions,
    List<CaseImpact> changedCases,
    List<NotReplayable> notReplayable) {

  /**
   * The counts: cases assessed in the period, replayed, not replayable; of the replayed ones,
   * those with any change, with another tier, with other red flags, with another route.
   */
  public record Totals(int assessedInPeriod, int replayed, int notReplayable, int changed,
      int tierChanged, int redFlagsChanged, int routeChanged, int tierRaised, int tierLowered) {}

  /** One case whose outcome would change: current (as recorded) and candidate. */
  public record CaseImpact(String caseId, String reference, String country, Instant assessedAt,
      String decisionVersion, RiskTier currentTier, RiskTier candidateTier,
      List<String> currentRedFlags, List<String> candidateRedFlags, List<String> addedRedFlags,
      List<String> removedRedFlags, Route currentRoute, Route candidateRoute) {}

  /** A case assessed in the period that cannot be replayed, and why. */
  public record NotReplayable(String caseId, String reference, String country, String reason) {}
}
