package com.oversight.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.oversight.platform.ProcessKeys;
import com.oversight.platform.work.WorkHandler;
import com.oversight.review.DecisionImpactResult.CaseImpact;
import com.oversight.risk.CapabilityClass;
import com.oversight.risk.CivicSpace;
import com.oversight.risk.CustomerType;
import com.oversight.risk.EndUseCategory;
import com.oversight.risk.FreedomStatus;
import com.oversight.risk.IndicatorData;
import com.oversight.risk.RedFlag;
import com.oversight.risk.RiskAggregation;
import com.oversight.risk.RiskInputs;
import com.oversight.risk.RiskTier;
import com.oversight.risk.RuleOutcome;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The decision-impact replay on known cases: a copy of processes/human-rights-risk.dmn with one
 * threshold changed (LOW_FREEDOM_SCORE below 80 instead of 70) changes exactly the cases whose
 * Freedom House score is from 70 to 79, and nothing else; the totals and the transition table
 * add up; a case stored without its inputs is counted as not replayable. Each case's "current"
 * outcome is what the deployed table gives, as the sale approval recorded it.
 */
class DecisionReplayTest {

  static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final String DEPLOYED = deployedXml();
  static final DmnDecision CURRENT = parse(DEPLOYED);
  static final DmnDecision CANDIDATE = parse(withThreshold(DEPLOYED, "70", "80"));
  static final LocalDate FROM = LocalDate.of(2026, 1, 1);
  static final LocalDate TO = LocalDate.of(2027, 1, 1);

  @Test
  void oneChangedThresholdChangesTheKnownCasesAndNoOthers() {
    List<AssessedCase> cases = List.of(
        recorded("SALE-2026-0001", "US", inputs(75.0, EndUseCategory.SERIOUS_CRIME)),
        recorded("SALE-2026-0002", "DE", inputs(93.0, EndUseCategory.SERIOUS_CRIME)),
        recorded("SALE-2026-0003", "PL", inputs(72.0, EndUseCategory.NATIONAL_SECURITY)),
        recorded("SALE-2026-0004", "HU", inputs(65.0, EndUseCategory.SERIOUS_CRIME)),
        recorded("SALE-2026-0005", "IL", inputs(79.9, EndUseCategory.SERIOUS_CRIME)),
        recorded("SALE-2026-0006", "FR", inputs(80.0, EndUseCategory.SERIOUS_CRIME)),
        new AssessedCase("id-7", "SALE-2026-0007", "ES", Instant.parse("2026-05-01T00:00:00Z"),
            RiskTier.LOW, List.of(), null, "Decision_HumanRightsRisk v1"));
    // what the deployed table gave them
    assertThat(cases).extracting(AssessedCase::tier).containsExactly(RiskTier.LOW, RiskTier.LOW,
        RiskTier.MEDIUM, RiskTier.MEDIUM, RiskTier.LOW, RiskTier.LOW, RiskTier.LOW);

    Recorder progress = new Recorder();
    DecisionImpactResult result = DecisionReplay.replay(ENGINE, CANDIDATE, "candidate", FROM, TO,
        cases, List.of(), progress);

    // US 75 and IL 79.9: LOW -> MEDIUM, to the committee; PL 72 was MEDIUM already: a new flag
    assertThat(result.changedCases()).extracting(CaseImpact::reference, CaseImpact::currentTier,
            CaseImpact::candidateTier, CaseImpact::currentRoute, CaseImpact::candidateRoute,
            CaseImpact::addedRedFlags, CaseImpact::removedRedFlags)
        .containsExactly(
            tuple("SALE-2026-0001", RiskTier.LOW, RiskTier.MEDIUM, Route.COMPLIANCE_REVIEW,
                Route.COMMITTEE, List.of("LOW_FREEDOM_SCORE"), List.of()),
            tuple("SALE-2026-0003", RiskTier.MEDIUM, RiskTier.MEDIUM, Route.COMMITTEE,
                Route.COMMITTEE, List.of("LOW_FREEDOM_SCORE"), List.of()),
            tuple("SALE-2026-0005", RiskTier.LOW, RiskTier.MEDIUM, Route.COMPLIANCE_REVIEW,
                Route.COMMITTEE, List.of("LOW_FREEDOM_SCORE"), List.of()));
    assertThat(result.changedCases().get(0).country()).isEqualTo("US");
    assertThat(result.totals()).isEqualTo(new DecisionImpactResult.Totals(7, 6, 1, 3, 2, 3, 2,
        2, 0));
    assertThat(result.tierTransitions().get(RiskTier.LOW))
        .containsEntry(RiskTier.LOW, 2).containsEntry(RiskTier.MEDIUM, 2)
        .containsEntry(RiskTier.HIGH, 0).containsEntry(RiskTier.PROHIBITED, 0);
    assertThat(result.tierTransitions().get(RiskTier.MEDIUM)).containsEntry(RiskTier.MEDIUM, 2);
    assertThat(result.tierTransitions().values().stream()
        .flatMap(row -> row.values().stream()).mapToInt(Integer::intValue).sum()).isEqualTo(6);
    assertThat(result.routeTransitions().get(Route.COMPLIANCE_REVIEW))
        .containsEntry(Route.COMMITTEE, 2).containsEntry(Route.COMPLIANCE_REVIEW, 2);
    assertThat(result.notReplayable()).singleElement().satisfies(n -> {
      assertThat(n.reference()).isEqualTo("SALE-2026-0007");
      assertThat(n.reason()).contains("cannot be replayed exactly");
    });
    assertThat(progress.total).isEqualTo(7);
    assertThat(progress.messages).last().isEqualTo("Replayed 7 of 7 cases");
  }

  @Test
  void theDeployedDecisionItselfChangesNothing() {
    List<AssessedCase> cases = new ArrayList<>();
    double[] scores = {10, 34.9, 35, 50, 69.9, 70, 75, 95};
    for (int i = 0; i < scores.length; i++) {
      for (EndUseCategory use : EndUseCategory.values()) {
        cases.add(recorded("SALE-" + i + "-" + use, "XX", inputs(scores[i], use)));
      }
    }
    DecisionImpactResult result = DecisionReplay.replay(ENGINE, CURRENT, "deployed", FROM, TO,
        cases, List.of(), new Recorder());
    assertThat(result.changedCases()).isEmpty();
    assertThat(result.totals().replayed()).isEqualTo(cases.size());
    assertThat(result.totals().changed()).isZero();
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** A deal in a Free country with good governance; the score and the end use vary. */
  static RiskInputs inputs(double freedomScore, EndUseCategory endUse) {
    return new RiskInputs(false, null, FreedomStatus.FREE, freedomScore, 1.0, 1.0,
        CivicSpace.OPEN, CustomerType.LAW_ENFORCEMENT, CapabilityClass.DEVICE_FORENSICS, endUse,
        true, true, IndicatorData.COMPLETE);
  }

  /** A case as the sale approval recorded it with the deployed decision. */
  static AssessedCase recorded(String reference, String country, RiskInputs inputs) {
    RiskAggregation.Result current = RiskAggregation.aggregate(inputs,
        RuleOutcome.from(ENGINE.evaluateDecision(CURRENT, inputs.toVariables())));
    return new AssessedCase("id-" + reference, reference, country,
        Instant.parse("2026-05-01T00:00:00Z"), current.tier(),
        current.redFlags().stream().map(RedFlag::code).toList(), inputs,
        "Decision_HumanRightsRisk v1");
  }

  static String deployedXml() {
    try (InputStream in = DecisionReplayTest.class.getResourceAsStream(
        "/processes/human-rights-risk.dmn")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A copy of the table with the LOW_FREEDOM_SCORE threshold changed. */
  static String withThreshold(String xml, String from, String to) {
    String rule = "<text>&lt; " + from + "</text>";
    assertThat(xml).contains(rule);
    int at = xml.indexOf("Rule_LowFreedomScore");
    int entry = xml.indexOf(rule, at);
    return xml.substring(0, entry) + "<text>&lt; " + to + "</text>"
        + xml.substring(entry + rule.length());
  }

  static DmnDecision parse(String xml) {
    return ENGINE.parseDecision(ProcessKeys.RISK_DECISION,
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  static final class Recorder implements WorkHandler.Progress {
    int total;
    final List<String> messages = new ArrayList<>();

    @Override
    public void total(int total) {
      this.total = total;
    }

    @Override
    public void done(int done, String message) {
      messages.add(message);
    }
  }
}
