package com.oversight.grievance;

import static com.oversight.platform.ProcessVariables.FEEDBACK_DUE;
import static com.oversight.platform.ProcessVariables.FEEDBACK_REMINDER_AT;
import static com.oversight.platform.ProcessVariables.GRIEVANCE_ID;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordAcknowledgment: tells the reporter and sets the feedback deadline and reminder. */
@Component
public class RecordAcknowledgmentDelegate implements JavaDelegate {

  private final GrievanceHandling handling;

  public RecordAcknowledgmentDelegate(GrievanceHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    GrievanceHandling.FeedbackDeadline deadline =
        handling.acknowledge((String) execution.getVariable(GRIEVANCE_ID));
    execution.setVariable(FEEDBACK_DUE, Date.from(deadline.due()));
    execution.setVariable(FEEDBACK_REMINDER_AT, Date.from(deadline.reminderAt()));
  }
}
