package com.oversight.investigation;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.INFORMATION_REQUEST_ID;
import static com.oversight.platform.ProcessVariables.INFORMATION_REQUEST_STATUS;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordNoResponse: the customer did not answer by the deadline; recorded (ledger
 * INFORMATION_REQUEST_UNANSWERED) and shown to the lead investigator, who goes on with the
 * evidence (and may report insufficient information).
 */
@Component
public class RecordNoResponseDelegate implements JavaDelegate {

  private final InvestigationService service;

  public RecordNoResponseDelegate(InvestigationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    service.recordNoResponse(InvestigationProcess.investigationId(execution),
        text(execution, INFORMATION_REQUEST_ID));
    execution.setVariable(INFORMATION_REQUEST_STATUS,
        "The customer did not answer the last information request by its deadline");
  }
}
