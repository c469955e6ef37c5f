package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.INFORMATION_PROBLEMS;

import com.oversight.audit.AuditLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_WithdrawCase: the information was not completed by the deadline: the case is withdrawn. */
@Component
public class WithdrawCaseDelegate implements JavaDelegate {

  private final SaleCases saleCases;
  private final AuditLedger ledger;

  public WithdrawCaseDelegate(SaleCases saleCases, AuditLedger ledger) {
    this.saleCases = saleCases;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = SaleProcess.caseId(execution);
    saleCases.updateStatus(caseId, CaseStatus.WITHDRAWN);
    ledger.append(caseId, "CASE_WITHDRAWN", ProcessValues.SYSTEM, ProcessValues.details(
        "reason", "information not completed by the deadline",
        "problems", ProcessValues.text(execution, INFORMATION_PROBLEMS)));
  }
}
