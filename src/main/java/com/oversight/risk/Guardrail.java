package com.oversight.risk;

import com.oversight.referencedata.AbuseLevel;
import java.util.List;
import java.util.function.Predicate;

/**
 * A policy rule that holds whatever the decision table says: when {@code applies}, the tier is at
 * least {@code floor} and the red flag {@code flag} is raised.
 */
public record Guardrail(String flag, String factor, RiskTier floor, String reason,
    Predicate<RiskInputs> applies) {

  /** The human-rights policy's rules that no table edit can weaken. */
  public static final List<Guardrail> POLICY = List.of(
      new Guardrail("DENIED_PARTY", RiskInputs.DENIED_PARTY_HIT, RiskTier.PROHIBITED,
          "A party of the deal is on the denied-party list: always PROHIBITED.",
          RiskInputs::deniedPartyHit),
      new Guardrail("AT_RISK_GROUP_TARGETING", RiskInputs.ABUSE_LEVEL, RiskTier.MEDIUM,
          "Targeting of at-risk groups is documented for the customer or its country: never LOW.",
          in -> in.abuseLevel() == AbuseLevel.AT_RISK_GROUP_TARGETING),
      new Guardrail("NOT_FREE", RiskInputs.FREEDOM_STATUS, RiskTier.MEDIUM,
          "Freedom House rates the country Not Free: never LOW.",
          in -> in.freedomStatus() == FreedomStatus.NOT_FREE),
      new Guardrail("NO_END_USE_STATEMENT", RiskInputs.END_USE_STATEMENT_PROVIDED, RiskTier.MEDIUM,
          "No end-use statement was provided: never LOW.",
          in -> !in.endUseStatementProvided()),
      new Guardrail("OPAQUE_INTERMEDIARY", RiskInputs.ALL_INTERMEDIARIES_DISCLOSED, RiskTier.MEDIUM,
          "An intermediary is not disclosed: never LOW.",
          in -> !in.allIntermediariesDisclosed()),
      new Guardrail("COUNTRY_DATA_INCOMPLETE", RiskInputs.INDICATOR_DATA, RiskTier.MEDIUM,
          "Required country indicators are missing or stale: never LOW.",
          in -> in.indicatorData() != IndicatorData.COMPLETE));
}
