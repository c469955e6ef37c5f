package com.oversight.investigation;

import static com.oversight.platform.ProcessVariables.CUSTOMER_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_UpdateCustomerStatus: SUSPENSION or TERMINATION: ov_customer becomes SUSPENDED or
 * TERMINATED with the reason (reference, outcome, the committee's rationale); ledger entry
 * CUSTOMER_SUSPENDED or CUSTOMER_TERMINATED.
 */
@Component
public class UpdateCustomerStatusDelegate implements JavaDelegate {

  private final InvestigationService service;

  public UpdateCustomerStatusDelegate(InvestigationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CUSTOMER_STATUS,
        service.applyCustomerStatus(InvestigationProcess.investigationId(execution)));
  }
}
