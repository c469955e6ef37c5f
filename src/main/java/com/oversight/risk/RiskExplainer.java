package com.oversight.risk;

import com.oversight.risk.RiskAssessment.ExplainedFactor;
import com.oversight.risk.RiskAssessment.MatchedRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes what a committee member reads: per factor, what it contributed (the matched rules that
 * test it and the guardrails that acted on it), and a one-paragraph summary. Pure.
 */
public final class RiskExplainer {

  private RiskExplainer() {}

  /** A matched rule with the variables it tests. */
  public record Match(MatchedRule rule, List<String> testedVariables) {}

  public static List<ExplainedFactor> explain(List<RiskFactor> provenance, List<Match> matches,
      RiskAggregation.Result result) {
    List<ExplainedFactor> factors = new ArrayList<>();
    for (RiskFactor factor : provenance) {
      factors.add(new ExplainedFactor(factor.factor(), factor.label(), factor.value(),
          factor.source(), factor.edition(), factor.asOf(), contribution(factor, matches, result)));
    }
    return factors;
  }

  static String contribution(RiskFactor factor, List<Match> matches,
      RiskAggregation.Result result) {
    List<MatchedRule> rules = matches.stream()
        .filter(m -> m.testedVariables().contains(factor.factor()))
        .map(Match::rule).toList();
    List<String> parts = new ArrayList<>();
    if (!rules.isEmpty()) {
      RiskTier highest = rules.stream().map(MatchedRule::minimumTier)
          .max(Comparator.naturalOrder()).orElseThrow();
      parts.add("raised the tier to at least " + highest + ": " + rules.stream()
          .map(MatchedRule::reason).distinct().collect(Collectors.joining(" ")));
    }
    result.guardrailsApplied().stream()
        .filter(g -> g.factor().equals(factor.factor()))
        .forEach(g -> parts.add("guardrail " + g.effect()));
    return parts.isEmpty() ? "no effect" : String.join("; ", parts);
  }

  public static String summary(RiskFacts facts, RiskAggregation.Result result, int matchedRules,
      RiskAssessment.DecisionUsed decision) {
    StringBuilder text = new StringBuilder();
    text.append("Tier ").append(result.tier()).append(" for the sale of ")
        .append(facts.deal().capabilityClass()).append(" to ")
        .append(facts.deal().customerAgency()).append(" (").append(facts.deal().customerType())
        .append(") in ").append(facts.country().name()).append(" (")
        .append(facts.country().alpha2()).append("), end use ")
        .append(facts.deal().endUseCategory()).append(". ");
    text.append(matchedRules == 0 ? "No rule" : matchedRules + (matchedRules == 1 ? " rule" : " rules"))
        .append(" of decision ").append(decision.key()).append(" version ")
        .append(decision.version()).append(" matched, giving ").append(result.tableTier())
        .append(". ");
    if (result.redFlags().isEmpty()) {
      text.append("No red flag. ");
    } else {
      text.append("Red flags: ").append(result.redFlags().stream().map(RedFlag::code)
          .collect(Collectors.joining(", "))).append(". ");
    }
    if (result.guardrailsApplied().isEmpty()) {
      text.append("No policy guardrail changed the outcome.");
    } else {
      text.append("Policy guardrails changed the outcome: ").append(result.guardrailsApplied()
          .stream().map(g -> g.flag() + " " + g.effect().substring(0, g.effect().indexOf(':')))
          .collect(Collectors.joining("; "))).append('.');
    }
    return text.toString();
  }
}
