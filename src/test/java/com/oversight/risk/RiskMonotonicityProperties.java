package com.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.referencedata.AbuseLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property tests over the real decision table plus the aggregation: a worse input never gives a
 * lower tier, and the policy guardrails hold for every input — also with a table that matches
 * nothing.
 *
 * <p>Worse, per factor: true for a denied-party hit; NONE &lt; SUSPECTED_OPERATOR &lt;
 * DOCUMENTED_ABUSE &lt; AT_RISK_GROUP_TARGETING; a lower score or WGI estimate; later in the
 * declaration order of {@link FreedomStatus}, {@link CivicSpace}, {@link CustomerType},
 * {@link CapabilityClass}, {@link EndUseCategory} and {@link IndicatorData} (COMPLETE &lt; STALE
 * &lt; MISSING); false for disclosure and the end-use statement.
 */
class RiskMonotonicityProperties {

  /** The ways to make one factor of a deal worse: each returns a worse (or equal) deal. */
  enum Worsening {
    DENIED(d -> d.denied(true)),
    ABUSE(d -> d.abuse(worse(d.abuseLevel))),
    FREEDOM_STATUS(d -> d.status(next(d.freedomStatus))),
    FREEDOM_SCORE(d -> d.score(d.freedomScore - 7.5)),
    VOICE(d -> d.voice(d.voiceAndAccountability - 0.4)),
    RULE_OF_LAW(d -> d.law(d.ruleOfLaw - 0.4)),
    CIVIC_SPACE(d -> d.civic(next(d.civicSpace))),
    CUSTOMER_TYPE(d -> d.customer(next(d.customerType))),
    CAPABILITY(d -> d.capability(next(d.capabilityClass))),
    END_USE(d -> d.endUse(next(d.endUseCategory))),
    DISCLOSURE(d -> d.disclosed(false)),
    STATEMENT(d -> d.statement(false)),
    DATA(d -> d.data(next(d.indicatorData)));

    final Function<Deals, Deals> apply;

    Worsening(Function<Deals, Deals> apply) {
      this.apply = apply;
    }
  }

  @Property(tries = 250)
  void makingOneFactorWorseNeverLowersTheTier(@ForAll("completeInputs") RiskInputs inputs,
      @ForAll Worsening worsening) {
    RiskInputs worse = worsening.apply.apply(Deals.of(inputs)).inputs();
    RiskTier before = RiskTable.assess(inputs).tier();
    RiskTier after = RiskTable.assess(worse).tier();
    assertThat(after).as("%s: %s -> %s", worsening, inputs, worse).isGreaterThanOrEqualTo(before);
  }

  @Property(tries = 120)
  void makingAFactorWorseStepByStepNeverLowersTheTier(@ForAll("completeInputs") RiskInputs inputs,
      @ForAll Worsening worsening) {
    Deals deal = Deals.of(inputs);
    RiskTier tier = RiskTable.assess(deal.inputs()).tier();
    for (int step = 0; step < 6; step++) {
      deal = worsening.apply.apply(deal);
      RiskTier next = RiskTable.assess(deal.inputs()).tier();
      assertThat(next).as("%s step %d", worsening, step).isGreaterThanOrEqualTo(tier);
      tier = next;
    }
  }

  @Property(tries = 250)
  void theGuardrailsHoldWithTheRealTable(@ForAll("anyInputs") RiskInputs inputs) {
    assertGuardrails(inputs, RiskTable.assess(inputs));
  }

  @Property(tries = 1000)
  void theGuardrailsHoldWithATableThatMatchesNothing(@ForAll("anyInputs") RiskInputs inputs) {
    assertGuardrails(inputs, RiskAggregation.aggregate(inputs, List.of()));
  }

  @Property(tries = 150)
  void theGuardrailsHoldWhenTheTableSaysLowForEverything(@ForAll("anyInputs") RiskInputs inputs) {
    List<RuleOutcome> allLow = RiskTable.evaluate(inputs).stream()
        .map(o -> new RuleOutcome(null, RiskTier.LOW, o.reason())).toList();
    assertGuardrails(inputs, RiskAggregation.aggregate(inputs, allLow));
  }

  private static void assertGuardrails(RiskInputs in, RiskAggregation.Result result) {
    if (in.deniedPartyHit()) {
      assertThat(result.tier()).isEqualTo(RiskTier.PROHIBITED);
    }
    boolean neverLow = in.abuseLevel() == AbuseLevel.AT_RISK_GROUP_TARGETING
        || in.freedomStatus() == FreedomStatus.NOT_FREE
        || !in.endUseStatementProvided()
        || !in.allIntermediariesDisclosed()
        || in.indicatorData() != IndicatorData.COMPLETE;
    if (neverLow) {
      assertThat(result.tier()).as("%s", in).isGreaterThan(RiskTier.LOW);
    }
    List<String> flags = result.redFlags().stream().map(RedFlag::code).toList();
    List<String> expected = new ArrayList<>();
    if (in.deniedPartyHit()) {
      expected.add("DENIED_PARTY");
    }
    if (!in.endUseStatementProvided()) {
      expected.add("NO_END_USE_STATEMENT");
    }
    if (!in.allIntermediariesDisclosed()) {
      expected.add("OPAQUE_INTERMEDIARY");
    }
    if (in.indicatorData() != IndicatorData.COMPLETE) {
      expected.add("COUNTRY_DATA_INCOMPLETE");
    }
    assertThat(flags).containsAll(expected);
  }

  @Provide
  Arbitrary<RiskInputs> completeInputs() {
    return inputs(false);
  }

  @Provide
  Arbitrary<RiskInputs> anyInputs() {
    return inputs(true);
  }

  private static Arbitrary<RiskInputs> inputs(boolean withNulls) {
    Arbitrary<Double> score = Arbitraries.doubles().between(0, 100).ofScale(1);
    Arbitrary<Double> wgi = Arbitraries.doubles().between(-2.8, 2.8).ofScale(2);
    if (withNulls) {
      score = score.injectNull(0.15);
      wgi = wgi.injectNull(0.15);
    }
    Arbitrary<AbuseLevel> abuse = Arbitraries.of(AbuseLevel.class).injectNull(0.3);
    Arbitrary<Deals> base = Combinators.combine(Arbitraries.of(true, false, false, false), abuse,
        Arbitraries.of(FreedomStatus.class), score, wgi, wgi, Arbitraries.of(CivicSpace.class),
        Arbitraries.of(CustomerType.class))
        .as((denied, a, status, s, voice, law, civic, type) -> Deals.clean().denied(denied)
            .abuse(a).status(status).score(s).voice(voice).law(law).civic(civic).customer(type));
    return Combinators.combine(base, Arbitraries.of(CapabilityClass.class),
            Arbitraries.of(EndUseCategory.class), Arbitraries.of(true, true, true, false),
            Arbitraries.of(true, true, true, false), Arbitraries.of(IndicatorData.class))
        .as((d, capability, endUse, disclosed, statement, data) -> d.capability(capability)
            .endUse(endUse).disclosed(disclosed).statement(statement).data(data).inputs());
  }

  private static AbuseLevel worse(AbuseLevel level) {
    if (level == null) {
      return AbuseLevel.SUSPECTED_OPERATOR;
    }
    return next(level);
  }

  /** The next worse value of an enum declared from least to most risk (the last stays). */
  static <E extends Enum<E>> E next(E value) {
    E[] all = value.getDeclaringClass().getEnumConstants();
    return all[Math.min(value.ordinal() + 1, all.length - 1)];
  }
}
