package com.oversight.risk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the tier of a deal follows from the matched rules: the highest minimum tier of the
 * matched rules (LOW when none matches), then the {@link Guardrail#POLICY guardrails}. Pure: no
 * engine, no Spring, so it can be property-tested.
 */
public final class RiskAggregation {

  private RiskAggregation() {}

  /** The tier, the deduplicated red flags and the guardrails that changed the outcome. */
  public record Result(RiskTier tableTier, RiskTier tier, List<RedFlag> redFlags,
      List<AppliedGuardrail> guardrailsApplied) {}

  /** A guardrail that changed the outcome, and how. */
  public record AppliedGuardrail(String flag, String factor, String effect) {}

  public static Result aggregate(RiskInputs inputs, List<RuleOutcome> outcomes) {
    return aggregate(inputs, outcomes, Guardrail.POLICY);
  }

  static Result aggregate(RiskInputs inputs, List<RuleOutcome> outcomes,
      List<Guardrail> guardrails) {
    RiskTier tableTier = outcomes.stream().map(RuleOutcome::minimumTier)
        .max(Comparator.naturalOrder()).orElse(RiskTier.LOW);
    Map<String, RedFlag> flags = new LinkedHashMap<>();
    for (RuleOutcome outcome : outcomes) {
      if (outcome.redFlag() != null) {
        flags.putIfAbsent(outcome.redFlag(), new RedFlag(outcome.redFlag(), outcome.reason()));
      }
    }
    RiskTier tier = tableTier;
    List<AppliedGuardrail> applied = new ArrayList<>();
    for (Guardrail guardrail : guardrails) {
      if (!guardrail.applies().test(inputs)) {
        continue;
      }
      List<String> effects = new ArrayList<>();
      if (tier.compareTo(guardrail.floor()) < 0) {
        effects.add("raised the tier from " + tier + " to " + guardrail.floor());
        tier = guardrail.floor();
      }
      if (!flags.containsKey(guardrail.flag())) {
        effects.add("added the red flag " + guardrail.flag());
        flags.put(guardrail.flag(), new RedFlag(guardrail.flag(), guardrail.reason()));
      }
      if (!effects.isEmpty()) {
        applied.add(new AppliedGuardrail(guardrail.flag(), guardrail.factor(),
            String.join(" and ", effects) + ": " + guardrail.reason()));
      }
    }
    return new Result(tableTier, tier, List.copyOf(flags.values()), List.copyOf(applied));
  }
}
