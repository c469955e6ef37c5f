package com.oversight.grievance;

import static com.oversight.platform.ProcessVariables.GRIEVANCE_ID;
import static com.oversight.platform.ProcessVariables.INVESTIGATION_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * CallActivity_MisuseInvestigation, on start and end: the reporter sees "under investigation",
 * then the report records the committee's outcome.
 */
@Component
public class GrievanceInvestigationListener implements ExecutionListener {

  private final GrievanceHandling handling;

  public GrievanceInvestigationListener(GrievanceHandling handling) {
    this.handling = handling;
  }

  @Override
  public void notify(DelegateExecution execution) {
    String grievanceId = (String) execution.getVariable(GRIEVANCE_ID);
    if (EVENTNAME_START.equals(execution.getEventName())) {
      handling.investigationStarted(grievanceId);
    } else {
      Object outcome = execution.getVariable(INVESTIGATION_OUTCOME);
      handling.investigationConcluded(grievanceId, outcome == null ? null : outcome.toString());
    }
  }
}
