package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.RED_FLAGS;
import static com.oversight.platform.ProcessVariables.REJECTION_RATIONALE;

import com.oversight.audit.AuditLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RejectProhibitedDeal: a PROHIBITED deal is rejected without any human task, with a
 * rationale generated from its red flags.
 */
@Component
public class RejectProhibitedDealDelegate implements JavaDelegate {

  private final SaleCases saleCases;
  private final AuditLedger ledger;

  public RejectProhibitedDealDelegate(SaleCases saleCases, AuditLedger ledger) {
    this.saleCases = saleCases;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = SaleProcess.caseId(execution);
    String rationale = "The deal is PROHIBITED by Oversight's human-rights policy. Red flags:\n"
        + ProcessValues.text(execution, RED_FLAGS);
    execution.setVariable(REJECTION_RATIONALE, rationale);
    saleCases.updateStatus(caseId, CaseStatus.REJECTED);
    ledger.append(caseId, "DEAL_REJECTED", ProcessValues.SYSTEM,
        ProcessValues.details("tier", "PROHIBITED", "rationale", rationale));
  }
}
