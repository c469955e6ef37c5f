package com.oversight.investigation;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.*;

import com.oversight.investigation.InvestigationService.StartRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * {@code ${investigationStartListener}} on StartEvent_InvestigationRequested: checks the start
 * (start form or caller's variables) in the starting transaction, so a bad start form is refused
 * with a message naming the field and no instance is created.
 */
@Component
public class InvestigationStartListener implements ExecutionListener {

  private final InvestigationService service;

  public InvestigationStartListener(InvestigationService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    service.checkStart(request(execution));
  }

  static StartRequest request(DelegateExecution execution) {
    return new StartRequest(text(execution, INVESTIGATION_ORIGIN),
        text(execution, RELATED_CASE_REF), text(execution, GRIEVANCE_ID),
        text(execution, CUSTOMER_ID), text(execution, CUSTOMER_AGENCY),
        text(execution, COUNTRY), text(execution, SOURCE_TYPE), text(execution, SOURCE_NAME),
        text(execution, SOURCE_LINK), text(execution, ALLEGATION_SUMMARY),
        text(execution, INITIATOR));
  }
}
