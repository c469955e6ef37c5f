package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.INVESTIGATION_ID;
import static com.oversight.platform.ProcessVariables.INVESTIGATION_OUTCOME;
import static com.oversight.platform.ProcessVariables.INVESTIGATION_SUMMARY;
import static com.oversight.platform.ProcessVariables.VOTING_ROUND;

import com.oversight.audit.AuditLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${investigationResultListener}} at the end of CallActivity_PreSaleInvestigation: the
 * sale case's ledger records the investigation the committee asked for and its outcome
 * (INVESTIGATION_COMPLETED) before the committee votes again. The sale knows the investigation
 * only through the call activity's variables.
 */
@Component
public class InvestigationResultListener implements ExecutionListener {

  private final AuditLedger ledger;

  public InvestigationResultListener(AuditLedger ledger) {
    this.ledger = ledger;
  }

  @Override
  public void notify(DelegateExecution execution) {
    ledger.append(SaleProcess.caseId(execution), "INVESTIGATION_COMPLETED", ProcessValues.SYSTEM,
        ProcessValues.details("investigationId", ProcessValues.text(execution, INVESTIGATION_ID),
            "outcome", ProcessValues.text(execution, INVESTIGATION_OUTCOME),
            "summary", ProcessValues.text(execution, INVESTIGATION_SUMMARY),
            "round", execution.getVariable(VOTING_ROUND)));
  }
}
