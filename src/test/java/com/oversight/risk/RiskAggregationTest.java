package com.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.oversight.referencedata.AbuseLevel;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tier from matched rules, and the guardrails, without the engine. */
class RiskAggregationTest {

  private static final RiskInputs CLEAN = Deals.clean().inputs();

  @Test
  void noMatchedRuleIsLow() {
    RiskAggregation.Result result = RiskAggregation.aggregate(CLEAN, List.of());
    assertThat(result.tier()).isEqualTo(RiskTier.LOW);
    assertThat(result.redFlags()).isEmpty();
    assertThat(result.guardrailsApplied()).isEmpty();
  }

  @Test
  void theTierIsTheHighestMinimumTier() {
    RiskAggregation.Result result = RiskAggregation.aggregate(CLEAN, List.of(
        new RuleOutcome("A", RiskTier.MEDIUM, "a"),
        new RuleOutcome("B", RiskTier.HIGH, "b"),
        new RuleOutcome(null, RiskTier.MEDIUM, "no flag")));
    assertThat(result.tier()).isEqualTo(RiskTier.HIGH);
    assertThat(result.tableTier()).isEqualTo(RiskTier.HIGH);
    assertThat(result.redFlags()).extracting(RedFlag::code).containsExactly("A", "B");
  }

  @Test
  void redFlagsAreDeduplicatedKeepingTheFirstReason() {
    RiskAggregation.Result result = RiskAggregation.aggregate(CLEAN, List.of(
        new RuleOutcome("A", RiskTier.MEDIUM, "first"),
        new RuleOutcome("A", RiskTier.HIGH, "second"),
        new RuleOutcome("  ", RiskTier.LOW, "blank flag")));
    assertThat(result.redFlags()).containsExactly(new RedFlag("A", "first"));
  }

  @Test
  void aDeniedPartyIsProhibitedWhateverTheTableSays() {
    RiskInputs denied = Deals.clean().denied(true).inputs();
    RiskAggregation.Result result = RiskAggregation.aggregate(denied,
        List.of(new RuleOutcome("X", RiskTier.HIGH, "x")));
    assertThat(result.tier()).isEqualTo(RiskTier.PROHIBITED);
    assertThat(result.redFlags()).extracting(RedFlag::code).contains("DENIED_PARTY");
    assertThat(result.guardrailsApplied()).singleElement()
        .satisfies(g -> assertThat(g.effect()).contains("from HIGH to PROHIBITED"));
  }

  @Test
  void eachNeverLowGuardrailRaisesALowTableResultAndAddsItsFlag() {
    Map<String, RiskInputs> cases = Map.of(
        "AT_RISK_GROUP_TARGETING", Deals.clean().abuse(AbuseLevel.AT_RISK_GROUP_TARGETING).inputs(),
        "NOT_FREE", Deals.clean().status(FreedomStatus.NOT_FREE).inputs(),
        "NO_END_USE_STATEMENT", Deals.clean().statement(false).inputs(),
        "OPAQUE_INTERMEDIARY", Deals.clean().disclosed(false).inputs(),
        "COUNTRY_DATA_INCOMPLETE", Deals.clean().data(IndicatorData.MISSING).inputs());
    cases.forEach((flag, inputs) -> {
      RiskAggregation.Result result = RiskAggregation.aggregate(inputs, List.of());
      assertThat(result.tier()).as(flag).isEqualTo(RiskTier.MEDIUM);
      assertThat(result.redFlags()).as(flag).extracting(RedFlag::code).containsExactly(flag);
      assertThat(result.guardrailsApplied()).as(flag).singleElement()
          .satisfies(g -> assertThat(g.effect()).contains("raised the tier from LOW to MEDIUM")
              .contains("added the red flag " + flag));
    });
  }

  @Test
  void staleDataIsNeverLowEither() {
    RiskAggregation.Result result = RiskAggregation.aggregate(
        Deals.clean().data(IndicatorData.STALE).inputs(), List.of());
    assertThat(result.tier()).isEqualTo(RiskTier.MEDIUM);
  }

  @Test
  void aGuardrailThatChangesNothingIsNotRecorded() {
    RiskAggregation.Result result = RiskAggregation.aggregate(
        Deals.clean().disclosed(false).inputs(),
        List.of(new RuleOutcome("OPAQUE_INTERMEDIARY", RiskTier.HIGH, "from the table")));
    assertThat(result.tier()).isEqualTo(RiskTier.HIGH);
    assertThat(result.redFlags()).containsExactly(
        new RedFlag("OPAQUE_INTERMEDIARY", "from the table"));
    assertThat(result.guardrailsApplied()).isEmpty();
  }

  @Test
  void aGuardrailOnlyAddingItsFlagIsRecorded() {
    RiskAggregation.Result result = RiskAggregation.aggregate(
        Deals.clean().statement(false).inputs(),
        List.of(new RuleOutcome("OTHER", RiskTier.HIGH, "other")));
    assertThat(result.tier()).isEqualTo(RiskTier.HIGH);
    assertThat(result.guardrailsApplied()).singleElement()
        .satisfies(g -> assertThat(g.effect()).startsWith("added the red flag NO_END_USE_STATEMENT"));
  }

  @Test
  void anUnknownTierFromTheTableIsAnError() {
    assertThatThrownBy(() -> RuleOutcome.from(Map.of("minimumTier", "SEVERE")))
        .hasMessageContaining("SEVERE");
  }
}
