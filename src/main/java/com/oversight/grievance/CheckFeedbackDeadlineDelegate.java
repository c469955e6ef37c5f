package com.oversight.grievance;

import static com.oversight.platform.ProcessVariables.FEEDBACK_BREACHED;
import static com.oversight.platform.ProcessVariables.GRIEVANCE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_CheckFeedbackDeadline: records a breach if no feedback was given in time. */
@Component
public class CheckFeedbackDeadlineDelegate implements JavaDelegate {

  private final GrievanceHandling handling;

  public CheckFeedbackDeadlineDelegate(GrievanceHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(FEEDBACK_BREACHED,
        handling.checkFeedbackDeadline((String) execution.getVariable(GRIEVANCE_ID)));
  }
}
