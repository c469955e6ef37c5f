package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.RED_FLAGS;
import static com.oversight.platform.ProcessVariables.RISK_EXPLANATION_TEXT;
import static com.oversight.platform.ProcessVariables.RISK_TIER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.audit.AuditLedger;
import com.oversight.platform.ProcessVariables;
import com.oversight.risk.RiskAssessment;
import com.oversight.risk.RiskAssessmentService;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ScreenAndAssessRisk: screens and assesses the deal with the risk engine (denied parties,
 * abuse register, country indicators, the DMN), stores tier, red flags and the full assessment
 * (the snapshot every later decision refers to) with the case, and puts a readable tier, red flags
 * and explanation into the process for the forms (the summary is the explanation's first
 * paragraph).
 */
@Component
public class ScreenAndAssessRiskDelegate implements JavaDelegate {

  private final SaleCases saleCases;
  private final RiskAssessmentService riskAssessmentService;
  private final AuditLedger ledger;
  private final ObjectMapper objectMapper;

  public ScreenAndAssessRiskDelegate(SaleCases saleCases,
      RiskAssessmentService riskAssessmentService, AuditLedger ledger, ObjectMapper objectMapper) {
    this.saleCases = saleCases;
    this.riskAssessmentService = riskAssessmentService;
    this.ledger = ledger;
    this.objectMapper = objectMapper;
  }

  @Override
  public void execute(DelegateExecution execution) throws JsonProcessingException {
    String caseId = SaleProcess.caseId(execution);
    SaleCase saleCase = saleCases.find(caseId).orElseThrow(
        () -> new IllegalStateException("No sale case " + caseId));
    RiskAssessment assessment = riskAssessmentService.assess(saleCase.opportunity().toDeal());
    String snapshot = objectMapper.writeValueAsString(assessment);
    String redFlags = ProcessVariables.fitting(redFlags(assessment));
    saleCases.recordAssessment(caseId, assessment.tier().name(), redFlags, snapshot);
    execution.setVariable(RISK_TIER, assessment.tier().name());
    execution.setVariable(RED_FLAGS, redFlags);
    execution.setVariable(RISK_EXPLANATION_TEXT,
        ProcessVariables.fitting(explanation(assessment)));
    ledger.appendAtCommit(caseId, "RISK_ASSESSED", ProcessValues.SYSTEM, ProcessValues.details(
        "tier", assessment.tier().name(),
        "redFlags", assessment.redFlags().stream().map(f -> f.code()).toList(),
        "riskSnapshotSha256", SaleProcess.sha256(snapshot),
        "decision", assessment.decision() == null ? null
            : assessment.decision().key() + " v" + assessment.decision().version()));
  }

  /** The red flags, readable, one a line ("none" if none): also used by re-assessments. */
  public static String redFlags(RiskAssessment assessment) {
    if (assessment.redFlags().isEmpty()) {
      return "none";
    }
    return assessment.redFlags().stream().map(f -> f.code() + ": " + f.reason())
        .collect(Collectors.joining("\n"));
  }

  /** The summary and every factor, readable: also used by re-assessments. */
  public static String explanation(RiskAssessment assessment) {
    String factors = assessment.explanation() == null ? "" : assessment.explanation().stream()
        .map(f -> "- " + f.label() + ": " + f.value()
            + (f.source() == null ? "" : " (" + f.source()
                + (f.edition() == null ? "" : ", " + f.edition())
                + (f.asOf() == null ? "" : ", as of " + f.asOf()) + ")")
            + (f.contribution() == null ? "" : " -> " + f.contribution()))
        .collect(Collectors.joining("\n"));
    return (assessment.summary() == null ? "" : assessment.summary() + "\n\n") + factors;
  }
}
