package com.oversight.reassessment;

import static com.oversight.platform.ProcessVariables.CUSTOMER_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_UpdateCustomerStatus: SUSPEND or TERMINATE: ov_customer becomes SUSPENDED or TERMINATED
 * with the reason (reference, decision, the committee's rationale), by the same code as
 * investigations (sales.CustomerStatusChanges); ledger CUSTOMER_SUSPENDED or CUSTOMER_TERMINATED.
 */
@Component
public class ApplyReassessmentDecisionDelegate implements JavaDelegate {

  private final ReassessmentService service;

  public ApplyReassessmentDecisionDelegate(ReassessmentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(CUSTOMER_STATUS,
        service.applyCustomerStatus(ReassessmentProcess.reassessmentId(execution)));
  }
}
