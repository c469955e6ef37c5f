package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.AUTHORITY_NAME;
import static com.oversight.platform.ProcessVariables.AUTHORITY_REFERENCE;
import static com.oversight.platform.ProcessVariables.REJECTION_RATIONALE;

import com.oversight.audit.AuditLedger;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordExportRefusal: the export authority refused: the deal ends, the case is REJECTED. */
@Component
public class RecordExportRefusalDelegate implements JavaDelegate {

  private final SaleCases saleCases;
  private final AuditLedger ledger;

  public RecordExportRefusalDelegate(SaleCases saleCases, AuditLedger ledger) {
    this.saleCases = saleCases;
    this.ledger = ledger;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseId = SaleProcess.caseId(execution);
    String authority = ProcessValues.text(execution, AUTHORITY_NAME);
    String reference = ProcessValues.text(execution, AUTHORITY_REFERENCE);
    execution.setVariable(REJECTION_RATIONALE, "The export authority " + authority
        + " refused the export (reference " + reference + ").");
    saleCases.updateStatus(caseId, CaseStatus.REJECTED);
    ledger.append(caseId, "EXPORT_REFUSED", ProcessValues.SYSTEM,
        ProcessValues.details("authority", authority, "reference", reference));
  }
}
