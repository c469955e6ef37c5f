package com.oversight.risk;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.platform.CachedFeelExpressions;
import com.oversight.platform.ProcessKeys;
import com.oversight.referencedata.AbuseLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The risk decision gives exactly the same matched rules (red flag, tier, reason, in order) on
 * the DMN engine as Oversight configures it (simple FEEL forms evaluated directly, others parsed
 * once: platform.CachedFeelExpressions) as on Camunda's default engine, for every value of every
 * input, missing numbers and the numbers on each rule's boundary.
 */
class CachedFeelRiskTableTest {

  static final DmnEngine OVERSIGHT =
      CachedFeelExpressions.configure(new DefaultDmnEngineConfiguration()).buildEngine();
  static final DmnEngine CAMUNDA =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DmnDecision OVERSIGHT_TABLE =
      OVERSIGHT.parseDecision(ProcessKeys.RISK_DECISION, RiskTable.MODEL);
  static final DmnDecision CAMUNDA_TABLE =
      CAMUNDA.parseDecision(ProcessKeys.RISK_DECISION, RiskTable.MODEL);

  @Test
  void theRiskTableGivesCamundasResultsForSeededRandomDealsAndBoundaries() {
    Random random = new Random(20261130L);
    Double[] numbers = {null, 70.0, 69.999, 35.0, 34.5, 0.5, 0.4999, -1.0, -1.0001, -0.5,
        -0.5001, 0.0, -0.0, 100.0};
    List<RiskInputs> deals = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      AbuseLevel[] abuse = AbuseLevel.values();
      deals.add(new RiskInputs(random.nextBoolean(),
          random.nextInt(4) == 0 ? null : abuse[random.nextInt(abuse.length)],
          pick(random, FreedomStatus.values()), pick(random, numbers),
          pick(random, numbers), pick(random, numbers), pick(random, CivicSpace.values()),
          pick(random, CustomerType.values()), pick(random, CapabilityClass.values()),
          pick(random, EndUseCategory.values()), random.nextBoolean(), random.nextBoolean(),
          pick(random, IndicatorData.values())));
    }
    for (RiskInputs deal : deals) {
      List<RuleOutcome> oversight =
          RuleOutcome.from(OVERSIGHT.evaluateDecision(OVERSIGHT_TABLE, deal.toVariables()));
      List<RuleOutcome> camunda =
          RuleOutcome.from(CAMUNDA.evaluateDecision(CAMUNDA_TABLE, deal.toVariables()));
      assertThat(oversight).as(deal.toString()).isEqualTo(camunda);
    }
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }
}
