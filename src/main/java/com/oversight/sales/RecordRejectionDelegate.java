package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.REJECTION_RATIONALE;
import static com.oversight.platform.ProcessVariables.RISK_TIER;

import com.oversight.audit.AuditLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordRejection: closes a case rejected by compliance, the committee or its chair (the
 * decision itself is already in the ledger with its author).
 */
@Component
public class RecordRejectionDelegate implements JavaDelegate {

  private final SaleCases saleCases;
  private final AuditLedger ledger;

  public RecordRejectionDelegate(SaleCases saleCases, AuditLedger ledger) {
    this.saleCases = saleCases;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = SaleProcess.caseId(execution);
    saleCases.updateStatus(caseId, CaseStatus.REJECTED);
    ledger.append(caseId, "DEAL_REJECTED", ProcessValues.SYSTEM, ProcessValues.details(
        "tier", ProcessValues.text(execution, RISK_TIER),
        "rationale", ProcessValues.text(execution, REJECTION_RATIONALE)));
  }
}
