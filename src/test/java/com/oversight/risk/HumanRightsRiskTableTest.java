package com.oversight.risk;

import static com.oversight.referencedata.AbuseLevel.AT_RISK_GROUP_TARGETING;
import static com.oversight.referencedata.AbuseLevel.DOCUMENTED_ABUSE;
import static com.oversight.referencedata.AbuseLevel.SUSPECTED_OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One test per rule of processes/human-rights-risk.dmn, on the standalone DMN engine: a clean
 * deal changed in one factor (two or three for the combination rule) matches that rule — with
 * the rule's flag and minimum tier — plus only the milder rules of the same factor (rules are
 * cumulative), and nothing else.
 */
class HumanRightsRiskTableTest {

  /** A rule of the table, the change to a clean deal that should trigger it, every rule expected. */
  record Case(String ruleId, String flag, RiskTier tier, UnaryOperator<Deals> change,
      Set<String> expectedRules) {
    @Override
    public String toString() {
      return ruleId;
    }
  }

  static Case c(String ruleId, String flag, RiskTier tier, UnaryOperator<Deals> change,
      String... alsoMatching) {
    Set<String> expected = Stream.concat(Stream.of(ruleId), Stream.of(alsoMatching))
        .collect(Collectors.toSet());
    return new Case(ruleId, flag, tier, change, expected);
  }

  static final List<Case> CASES = List.of(
      c("Rule_DeniedParty", "DENIED_PARTY", RiskTier.PROHIBITED, d -> d.denied(true)),
      c("Rule_AbuseRegisterListed", "LISTED_IN_ABUSE_REGISTER", RiskTier.MEDIUM,
          d -> d.abuse(SUSPECTED_OPERATOR)),
      c("Rule_DocumentedAbuse", "DOCUMENTED_ABUSE", RiskTier.HIGH, d -> d.abuse(DOCUMENTED_ABUSE),
          "Rule_AbuseRegisterListed"),
      c("Rule_AtRiskGroupTargeting", "AT_RISK_GROUP_TARGETING", RiskTier.HIGH,
          d -> d.abuse(AT_RISK_GROUP_TARGETING), "Rule_AbuseRegisterListed",
          "Rule_DocumentedAbuse"),
      c("Rule_NotRatedFree", "NOT_RATED_FREE", RiskTier.MEDIUM,
          d -> d.status(FreedomStatus.PARTLY_FREE)),
      c("Rule_NotFree", "NOT_FREE", RiskTier.HIGH, d -> d.status(FreedomStatus.NOT_FREE),
          "Rule_NotRatedFree"),
      c("Rule_LowFreedomScore", "LOW_FREEDOM_SCORE", RiskTier.MEDIUM, d -> d.score(69.0)),
      c("Rule_VeryLowFreedomScore", "VERY_LOW_FREEDOM_SCORE", RiskTier.HIGH, d -> d.score(34.0),
          "Rule_LowFreedomScore"),
      c("Rule_WeakVoiceAndAccountability", "WEAK_VOICE_AND_ACCOUNTABILITY", RiskTier.MEDIUM,
          d -> d.voice(0.49)),
      c("Rule_VeryWeakVoiceAndAccountability", "VERY_WEAK_VOICE_AND_ACCOUNTABILITY",
          RiskTier.HIGH, d -> d.voice(-1.01), "Rule_WeakVoiceAndAccountability"),
      c("Rule_WeakRuleOfLaw", "WEAK_RULE_OF_LAW", RiskTier.MEDIUM, d -> d.law(-0.51)),
      c("Rule_CivicSpaceObstructed", "CIVIC_SPACE_OBSTRUCTED", RiskTier.MEDIUM,
          d -> d.civic(CivicSpace.OBSTRUCTED)),
      c("Rule_CivicSpaceRepressed", "CIVIC_SPACE_REPRESSED", RiskTier.HIGH,
          d -> d.civic(CivicSpace.REPRESSED), "Rule_CivicSpaceObstructed"),
      c("Rule_NoEndUseStatement", "NO_END_USE_STATEMENT", RiskTier.MEDIUM,
          d -> d.statement(false)),
      c("Rule_OpaqueIntermediary", "OPAQUE_INTERMEDIARY", RiskTier.HIGH,
          d -> d.disclosed(false)),
      c("Rule_IncompleteCountryData", "COUNTRY_DATA_INCOMPLETE", RiskTier.MEDIUM,
          d -> d.data(IndicatorData.STALE)),
      c("Rule_SurveillanceCapability", null, RiskTier.MEDIUM,
          d -> d.capability(CapabilityClass.NETWORK_INTERCEPTION)),
      c("Rule_IntrusiveCapability", "INTRUSIVE_CAPABILITY", RiskTier.MEDIUM,
          d -> d.capability(CapabilityClass.REMOTE_DEVICE_INTRUSION),
          "Rule_SurveillanceCapability"),
      c("Rule_IntrusiveToolForIntelligence", "INTRUSIVE_TOOL_FOR_INTELLIGENCE_SERVICE",
          RiskTier.HIGH, d -> d.capability(CapabilityClass.MASS_MONITORING)
              .customer(CustomerType.INTELLIGENCE).status(FreedomStatus.PARTLY_FREE),
          "Rule_SurveillanceCapability", "Rule_NotRatedFree"),
      c("Rule_BroadEndUse", "BROAD_END_USE", RiskTier.MEDIUM,
          d -> d.endUse(EndUseCategory.NATIONAL_SECURITY)),
      c("Rule_ProtestPolicing", "PROTEST_POLICING", RiskTier.HIGH,
          d -> d.endUse(EndUseCategory.PUBLIC_ORDER), "Rule_BroadEndUse"));

  static List<Case> cases() {
    return CASES;
  }

  @Test
  void aCleanDealMatchesNoRule() {
    assertThat(RiskTable.evaluate(Deals.clean().inputs())).isEmpty();
  }

  @Test
  void everyRuleOfTheTableHasATest() {
    Set<String> tableRules = RiskTable.CATALOG.rules().stream().map(RuleCatalog.RuleInfo::ruleId)
        .collect(Collectors.toSet());
    assertThat(CASES.stream().map(Case::ruleId).collect(Collectors.toSet()))
        .isEqualTo(tableRules);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void theRuleMatchesWithItsFlagAndTier(Case testCase) {
    List<RuleOutcome> outcomes = RiskTable.evaluate(testCase.change().apply(Deals.clean()).inputs());

    RuleCatalog.RuleInfo rule = RiskTable.CATALOG.rules().stream()
        .filter(r -> r.ruleId().equals(testCase.ruleId())).findFirst().orElseThrow();
    assertThat(rule.redFlag()).isEqualTo(testCase.flag());
    assertThat(rule.minimumTier()).isEqualTo(testCase.tier().name());
    assertThat(outcomes).anySatisfy(o -> {
      assertThat(o.redFlag()).isEqualTo(testCase.flag());
      assertThat(o.minimumTier()).isEqualTo(testCase.tier());
      assertThat(o.reason()).isNotBlank();
    });
    Set<String> matched = outcomes.stream()
        .map(o -> RiskTable.CATALOG.ruleOf(o).orElseThrow().ruleId())
        .collect(Collectors.toSet());
    assertThat(matched).isEqualTo(testCase.expectedRules());
  }

  @Test
  void thresholdsAreStrict() {
    assertThat(RiskTable.evaluate(Deals.clean().score(70.0).voice(0.5).law(-0.5).inputs()))
        .isEmpty();
    assertThat(RiskTable.evaluate(Deals.clean().score(35.0).voice(-1.0).inputs()))
        .extracting(RuleOutcome::redFlag)
        .containsExactlyInAnyOrder("LOW_FREEDOM_SCORE", "WEAK_VOICE_AND_ACCOUNTABILITY");
  }

  @Test
  void missingNumbersMatchNoNumericRule() {
    assertThat(RiskTable.evaluate(Deals.clean().score(null).voice(null).law(null).inputs()))
        .isEmpty();
  }

  @Test
  void theCombinationRuleNeedsAllThreeConditions() {
    Deals combination = Deals.clean().capability(CapabilityClass.REMOTE_DEVICE_INTRUSION)
        .customer(CustomerType.INTELLIGENCE).status(FreedomStatus.NOT_FREE);
    assertThat(flags(combination)).contains("INTRUSIVE_TOOL_FOR_INTELLIGENCE_SERVICE");
    assertThat(flags(Deals.of(combination.inputs()).status(FreedomStatus.FREE)))
        .doesNotContain("INTRUSIVE_TOOL_FOR_INTELLIGENCE_SERVICE");
    assertThat(flags(Deals.of(combination.inputs()).customer(CustomerType.MILITARY)))
        .doesNotContain("INTRUSIVE_TOOL_FOR_INTELLIGENCE_SERVICE");
    assertThat(flags(Deals.of(combination.inputs()).capability(CapabilityClass.NETWORK_INTERCEPTION)))
        .doesNotContain("INTRUSIVE_TOOL_FOR_INTELLIGENCE_SERVICE");
  }

  @Test
  void theVariablesAreThoseTheTableReads() {
    Map<String, Object> variables = Deals.clean().inputs().toVariables();
    Set<String> read = RiskTable.CATALOG.rules().stream()
        .flatMap(r -> r.testedVariables().stream()).collect(Collectors.toSet());
    assertThat(variables.keySet()).containsAll(read);
  }

  private static List<String> flags(Deals deal) {
    return RiskTable.evaluate(deal.inputs()).stream().map(RuleOutcome::redFlag).toList();
  }
}
