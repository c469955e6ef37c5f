package com.oversight.risk;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;

/** The outputs of one matched rule of the decision table: red flag (may be null), tier, reason. */
public record RuleOutcome(String redFlag, RiskTier minimumTier, String reason) {

  public static final String RED_FLAG = "redFlag";
  public static final String MINIMUM_TIER = "minimumTier";
  public static final String REASON = "reason";

  public RuleOutcome {
    Objects.requireNonNull(minimumTier, "minimumTier");
    redFlag = redFlag == null || redFlag.isBlank() ? null : redFlag.trim();
  }

  /** One outcome per matched rule (hit policy COLLECT). */
  public static List<RuleOutcome> from(DmnDecisionResult result) {
    return result.getResultList().stream().map(RuleOutcome::from).toList();
  }

  static RuleOutcome from(Map<String, Object> entry) {
    Object tier = entry.get(MINIMUM_TIER);
    RiskTier minimumTier;
    try {
      minimumTier = RiskTier.valueOf(String.valueOf(tier).trim());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("The risk decision table gave the minimum tier '" + tier
          + "': allowed are LOW, MEDIUM, HIGH, PROHIBITED", e);
    }
    Object flag = entry.get(RED_FLAG);
    Object reason = entry.get(REASON);
    return new RuleOutcome(flag == null ? null : flag.toString(), minimumTier,
        reason == null ? "" : reason.toString());
  }
}
