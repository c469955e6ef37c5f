package com.oversight.reassessment;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.*;

import com.oversight.reassessment.ReassessmentService.Registered;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${reassessmentStartListener}} on StartEvent_ReassessmentRequested: checks and registers
 * the re-assessment in the starting transaction (an unknown or not ACTIVE customer, an unknown
 * trigger or one already running is refused, and no instance is created); the reference
 * RA-&lt;sale case&gt;-yyyyMMdd becomes the business key and caseRef, the sale case's key the
 * relatedCaseRef (its conflict-of-interest exclusions apply here too).
 */
@Component
public class ReassessmentStartListener implements ExecutionListener {

  private final ReassessmentService service;

  public ReassessmentStartListener(ReassessmentService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    Registered registered = service.register(text(execution, CUSTOMER_ID),
        text(execution, REASSESSMENT_TRIGGER), text(execution, TRIGGER_DETAIL),
        text(execution, STARTED_BY), execution.getProcessInstanceId());
    String reference = registered.reassessment().reference();
    execution.getProcessInstance().setProcessBusinessKey(reference);
    execution.setVariable(CUSTOMER_ID, registered.customer().id());
    execution.setVariable(CASE_REF, reference);
    execution.setVariable(REASSESSMENT_ID, registered.reassessment().id());
    execution.setVariable(RELATED_CASE_REF, registered.customer().saleKey());
    execution.setVariable(CUSTOMER_TITLE, registered.title());
    execution.setVariable(PREVIOUS_RISK_TIER, registered.customer().riskTier());
    execution.setVariable(CUSTOMER_STATUS, registered.customer().status());
    execution.setVariable(STARTED_BY, registered.reassessment().startedBy());
    execution.setVariable(CONFLICT_DECLARED_BY, null);
  }
}
