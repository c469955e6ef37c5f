package com.oversight.investigation;

import static com.oversight.platform.ProcessVariables.INVESTIGATION_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_CloseInvestigation: closes the investigation and sets {@code investigationSummary}, given
 * back (with {@code investigationOutcome} and {@code investigationId}) to a calling process.
 */
@Component
public class CloseInvestigationDelegate implements JavaDelegate {

  private final InvestigationService service;

  public CloseInvestigationDelegate(InvestigationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(INVESTIGATION_SUMMARY,
        service.close(InvestigationProcess.investigationId(execution)));
  }
}
