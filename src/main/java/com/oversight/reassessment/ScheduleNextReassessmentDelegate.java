package com.oversight.reassessment;

import static com.oversight.platform.ProcessVariables.CUSTOMER_STATUS;
import static com.oversight.platform.ProcessVariables.REASSESSMENT_DUE;

import com.oversight.reassessment.ReassessmentService.Closed;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ScheduleNextReassessment, on every path: the customer keeps the new tier and its next
 * re-assessment is due by it (ov_customer.reassessment_due, oversight.sales.reassessment.*); the
 * re-assessment is closed (ledger REASSESSMENT_CLOSED).
 */
@Component
public class ScheduleNextReassessmentDelegate implements JavaDelegate {

  private final ReassessmentService service;

  public ScheduleNextReassessmentDelegate(ReassessmentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Closed closed = service.close(ReassessmentProcess.reassessmentId(execution));
    execution.setVariable(REASSESSMENT_DUE, closed.nextDue().toString());
    execution.setVariable(CUSTOMER_STATUS, closed.customerStatus());
  }
}
