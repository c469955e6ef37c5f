package com.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.referencedata.AbuseLevel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Property tests over the real decision table plus the aggregation: a worse input never gives a
 * lower tier, and the policy guardrails hold for every input, also with a table that matches
 * nothing or says LOW everywhere. Inputs come from a seeded random generator (the seed is in
 * every failure message, so a failure can be replayed), and the guardrail dimensions are also
 * checked exhaustively.
 *
 * <p>Worse, per factor: true for a denied-party hit; none &lt; SUSPECTED_OPERATOR &lt;
 * DOCUMENTED_ABUSE &lt; AT_RISK_GROUP_TARGETING; a lower score or WGI estimate; later in the
 * declaration order of {@link FreedomStatus}, {@link CivicSpace}, {@link CustomerType},
 * {@link CapabilityClass}, {@link EndUseCategory} and {@link IndicatorData} (COMPLETE &lt; STALE
 * &lt; MISSING); false for disclosure and the end-use statement.
 */
class RiskPropertiesTest {

  private static final long SEED = 20261130L;
  private static final int TRIES = 100;

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

  @ParameterizedTest(name = "{0}")
  @EnumSource(Worsening.class)
  void makingOneFactorWorseStepByStepNeverLowersTheTier(Worsening worsening) {
    Random random = new Random(SEED + worsening.ordinal());
    for (int trial = 0; trial < TRIES; trial++) {
      Deals deal = randomDeal(random, false);
      RiskTier tier = RiskTable.assess(deal.inputs()).tier();
      for (int step = 1; step <= 4; step++) {
        RiskInputs before = deal.inputs();
        deal = worsening.apply.apply(deal);
        RiskTier next = RiskTable.assess(deal.inputs()).tier();
        assertThat(next).as("seed %d trial %d step %d: %s -> %s", SEED, trial, step, before,
            deal.inputs()).isGreaterThanOrEqualTo(tier);
        tier = next;
      }
    }
  }

  @Test
  void theGuardrailsHoldWithTheRealTable() {
    Random random = new Random(SEED);
    for (int trial = 0; trial < TRIES * 2; trial++) {
      RiskInputs inputs = randomDeal(random, true).inputs();
      assertGuardrails("seed " + SEED + " trial " + trial, inputs, RiskTable.assess(inputs));
    }
  }

  @Test
  void theGuardrailsHoldForEveryCombinationEvenWithATableThatMatchesNothing() {
    Random random = new Random(SEED);
    int combinations = 0;
    for (boolean denied : new boolean[] {false, true}) {
      for (AbuseLevel abuse : withNull(AbuseLevel.values())) {
        for (FreedomStatus status : FreedomStatus.values()) {
          for (boolean statement : new boolean[] {false, true}) {
            for (boolean disclosed : new boolean[] {false, true}) {
              for (IndicatorData data : IndicatorData.values()) {
                RiskInputs inputs = randomDeal(random, true).denied(denied).abuse(abuse)
                    .status(status).statement(statement).disclosed(disclosed).data(data)
                    .inputs();
                assertGuardrails("no rule matched", inputs,
                    RiskAggregation.aggregate(inputs, List.of()));
                List<RuleOutcome> allLow = RiskTable.evaluate(inputs).stream()
                    .map(o -> new RuleOutcome(null, RiskTier.LOW, o.reason())).toList();
                assertGuardrails("every rule says LOW", inputs,
                    RiskAggregation.aggregate(inputs, allLow));
                assertGuardrails("real table", inputs, RiskTable.assess(inputs));
                combinations++;
              }
            }
          }
        }
      }
    }
    assertThat(combinations).isEqualTo(2 * 4 * 4 * 2 * 2 * 3);
  }

  private static void assertGuardrails(String context, RiskInputs in,
      RiskAggregation.Result result) {
    if (in.deniedPartyHit()) {
      assertThat(result.tier()).as("%s: %s", context, in).isEqualTo(RiskTier.PROHIBITED);
    }
    boolean neverLow = in.abuseLevel() == AbuseLevel.AT_RISK_GROUP_TARGETING
        || in.freedomStatus() == FreedomStatus.NOT_FREE
        || !in.endUseStatementProvided()
        || !in.allIntermediariesDisclosed()
        || in.indicatorData() != IndicatorData.COMPLETE;
    if (neverLow) {
      assertThat(result.tier()).as("%s: %s", context, in).isGreaterThan(RiskTier.LOW);
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
    assertThat(flags).as("%s: %s", context, in).containsAll(expected);
  }

  /** A random deal; complete (no missing numbers) unless {@code withNulls}. */
  private static Deals randomDeal(Random random, boolean withNulls) {
    return Deals.clean()
        .denied(random.nextInt(4) == 0)
        .abuse(random.nextInt(3) == 0 ? null : pick(random, AbuseLevel.values()))
        .status(pick(random, FreedomStatus.values()))
        .score(number(random, withNulls, 0, 100, 10))
        .voice(number(random, withNulls, -2.8, 2.8, 100))
        .law(number(random, withNulls, -2.8, 2.8, 100))
        .civic(pick(random, CivicSpace.values()))
        .customer(pick(random, CustomerType.values()))
        .capability(pick(random, CapabilityClass.values()))
        .endUse(pick(random, EndUseCategory.values()))
        .disclosed(random.nextInt(4) != 0)
        .statement(random.nextInt(4) != 0)
        .data(pick(random, IndicatorData.values()));
  }

  /** A number in [min, max] rounded to 1/scale, or (sometimes, if allowed) missing. */
  private static Double number(Random random, boolean withNulls, double min, double max,
      int scale) {
    if (withNulls && random.nextInt(7) == 0) {
      return null;
    }
    return Math.round((min + random.nextDouble() * (max - min)) * scale) / (double) scale;
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  private static <T> List<T> withNull(T[] values) {
    List<T> all = new ArrayList<>(Arrays.asList(values));
    all.add(null);
    return all;
  }

  private static AbuseLevel worse(AbuseLevel level) {
    return level == null ? AbuseLevel.SUSPECTED_OPERATOR : next(level);
  }

  /** The next worse value of an enum declared from least to most risk (the last stays). */
  static <E extends Enum<E>> E next(E value) {
    E[] all = value.getDeclaringClass().getEnumConstants();
    return all[Math.min(value.ordinal() + 1, all.length - 1)];
  }
}
