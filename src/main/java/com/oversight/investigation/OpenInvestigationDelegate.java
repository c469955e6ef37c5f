package com.oversight.investigation;

import static com.oversight.platform.ProcessVariables.CASE_REF;
import static com.oversight.platform.ProcessVariables.CONFLICT_DECLARED_BY;
import static com.oversight.platform.ProcessVariables.INVESTIGATION_ID;

import com.oversight.investigation.InvestigationRecords.Investigation;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_OpenInvestigation: registers the investigation (ov_investigation) with its reference
 * INV-yyyy-nnnn, which becomes the business key and {@code caseRef}; identifies the customer
 * when the start names one.
 */
@Component
public class OpenInvestigationDelegate implements JavaDelegate {

  private final InvestigationService service;

  public OpenInvestigationDelegate(InvestigationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Investigation investigation = service.open(InvestigationStartListener.request(execution),
        execution.getProcessInstanceId());
    execution.getProcessInstance().setProcessBusinessKey(investigation.reference());
    execution.setVariable(CASE_REF, investigation.reference());
    execution.setVariable(INVESTIGATION_ID, investigation.id());
    execution.setVariable(CONFLICT_DECLARED_BY, null);
    InvestigationVariables.subject(execution, service.identify(investigation.customerId(),
        investigation.customerAgency(), investigation.country()));
  }
}
