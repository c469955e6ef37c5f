package com.oversight.review;

import com.oversight.platform.work.WorkHandler.Progress;
import com.oversight.review.DecisionImpactResult.CaseImpact;
import com.oversight.review.DecisionImpactResult.NotReplayable;
import com.oversight.review.DecisionImpactResult.Totals;
import com.oversight.risk.RedFlag;
import com.oversight.risk.RiskAggregation;
import com.oversight.risk.RiskTier;
import com.oversight.risk.RuleOutcome;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;

/**
 * Replays the stored inputs of assessed cases through a candidate risk decision, exactly as
 * {@code risk.RiskAssessmentService} assesses a deal with the deployed one: the table's matched
 * rules ({@link RuleOutcome}), then the policy guardrails ({@link RiskAggregation}); and compares
 * the tier, red flags and route with those the case got. Pure: no database, no Spring.
 */
public final class DecisionReplay {

  static final String NO_INPUTS = "assessed before Oversight kept the decision's inputs with "
      + "the risk snapshot: it cannot be replayed exactly";

  private DecisionReplay() {}

  public static DecisionImpactResult replay(DmnEngine engine, DmnDecision candidate,
      String candidateName, LocalDate from, LocalDate to, List<AssessedCase> cases,
      List<NotReplayable> unreadable, Progress progress) {
    Map<RiskTier, Map<RiskTier, Integer>> tiers = new EnumMap<>(RiskTier.class);
    for (RiskTier current : RiskTier.values()) {
      Map<RiskTier, Integer> row = new EnumMap<>(RiskTier.class);
      for (RiskTier next : RiskTier.values()) {
        row.put(next, 0);
      }
      tiers.put(current, row);
    }
    Map<Route, Map<Route, Integer>> routes = new EnumMap<>(Route.class);
    for (Route current : Route.values()) {
      Map<Route, Integer> row = new EnumMap<>(Route.class);
      for (Route next : Route.values()) {
        row.put(next, 0);
      }
      routes.put(current, row);
    }
    List<CaseImpact> changed = new ArrayList<>();
    List<NotReplayable> notReplayable = new ArrayList<>(unreadable);
    int replayed = 0;
    int tierChanged = 0;
    int flagsChanged = 0;
    int routeChanged = 0;
    int raised = 0;
    int lowered = 0;
    progress.total(cases.size());
    int done = 0;
    for (AssessedCase c : cases) {
      done++;
      if (c.inputs() == null) {
        notReplayable.add(new NotReplayable(c.caseId(), c.reference(), c.country(), NO_INPUTS));
        progress.done(done, "Replayed " + done + " of " + cases.size() + " cases");
        continue;
      }
      List<RuleOutcome> outcomes = RuleOutcome.from(
          engine.evaluateDecision(candidate, c.inputs().toVariables()));
      RiskAggregation.Result result = RiskAggregation.aggregate(c.inputs(), outcomes);
      replayed++;
      RiskTier candidateTier = result.tier();
      List<String> candidateFlags = result.redFlags().stream().map(RedFlag::code).toList();
      Route currentRoute = Route.of(c.tier());
      Route candidateRoute = Route.of(candidateTier);
      tiers.get(c.tier()).merge(candidateTier, 1, Integer::sum);
      routes.get(currentRoute).merge(candidateRoute, 1, Integer::sum);
      List<String> added = candidateFlags.stream().filter(f -> !c.redFlags().contains(f)).toList();
      List<String> removed = c.redFlags().stream().filter(f -> !candidateFlags.contains(f))
          .toList();
      boolean tierDiffers = candidateTier != c.tier();
      boolean flagsDiffer = !added.isEmpty() || !removed.isEmpty();
      boolean routeDiffers = candidateRoute != currentRoute;
      if (tierDiffers) {
        tierChanged++;
        if (candidateTier.compareTo(c.tier()) > 0) {
          raised++;
        } else {
          lowered++;
        }
      }
      if (flagsDiffer) {
        flagsChanged++;
      }
      if (routeDiffers) {
        routeChanged++;
      }
      if (tierDiffers || flagsDiffer || routeDiffers) {
        changed.add(new CaseImpact(c.caseId(), c.reference(), c.country(), c.assessedAt(),
            c.decisionVersion(), c.tier(), candidateTier, c.redFlags(), candidateFlags, added,
            removed, currentRoute, candidateRoute));
      }
      progress.done(done, "Replayed " + done + " of " + cases.size() + " cases");
    }
    Totals totals = new Totals(cases.size() + unreadable.size(), replayed, notReplayable.size(),
        changed.size(), tierChanged, flagsChanged, routeChanged, raised, lowered);
    return new DecisionImpactResult(from, to, candidateName, totals, new LinkedHashMap<>(tiers),
        new LinkedHashMap<>(routes), changed, notReplayable);
  }
}
