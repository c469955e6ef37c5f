package com.oversight.risk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The result of a risk assessment: the tier, the red flags, every factor with its value, source,
 * edition, as-of date and contribution, the rules that matched, the guardrails that changed the
 * outcome, a summary, the decision version used, and the decision table's raw inputs (so that a
 * stored assessment can be replayed through a candidate decision: review.DecisionImpact...;
 * null in assessments stored before they were kept).
 */
public record RiskAssessment(
    RiskTier tier,
    List<RedFlag> redFlags,
    List<ExplainedFactor> explanation,
    List<MatchedRule> matchedRules,
    List<RiskAggregation.AppliedGuardrail> guardrailsApplied,
    String summary,
    DecisionUsed decision,
    Instant assessedAt,
    RiskInputs inputs) {

  /** An assessment without its raw inputs (as stored before they were kept). */
  public RiskAssessment(RiskTier tier, List<RedFlag> redFlags, List<ExplainedFactor> explanation,
      List<MatchedRule> matchedRules, List<RiskAggregation.AppliedGuardrail> guardrailsApplied,
      String summary, DecisionUsed decision, Instant assessedAt) {
    this(tier, redFlags, explanation, matchedRules, guardrailsApplied, summary, decision,
        assessedAt, null);
  }

  /** One factor of the assessment and what it contributed to the tier. */
  public record ExplainedFactor(String factor, String label, String value, String source,
      String edition, LocalDate asOf, String contribution) {}

  /** A rule of the decision table that matched. */
  public record MatchedRule(String ruleId, String description, String redFlag,
      RiskTier minimumTier, String reason) {}

  /** The deployed decision definition that was evaluated. */
  public record DecisionUsed(String decisionDefinitionId, String key, int version,
      String resourceName) {}
}
