package com.oversight.grievance;

import static com.oversight.platform.ProcessVariables.GRIEVANCE_ID;
import static com.oversight.platform.ProcessVariables.GRIEVANCE_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Task_CloseReport, on complete: the outcome must be one the reporter can be told. */
@Component
public class CloseReportListener implements TaskListener {

  private final GrievanceHandling handling;

  public CloseReportListener(GrievanceHandling handling) {
    this.handling = handling;
  }

  @Override
  public void notify(DelegateTask task) {
    handling.closingOutcome((String) task.getVariable(GRIEVANCE_ID),
        (String) task.getVariable(GRIEVANCE_OUTCOME));
  }
}
