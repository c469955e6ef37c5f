package com.oversight.grievance;

import static com.oversight.platform.ProcessVariables.GRIEVANCE_ID;
import static com.oversight.platform.ProcessVariables.GRIEVANCE_OUTCOME;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordClosure: the reporter reads the outcome; the retention period starts. */
@Component
public class RecordClosureDelegate implements JavaDelegate {

  private final GrievanceHandling handling;

  public RecordClosureDelegate(GrievanceHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handling.close((String) execution.getVariable(GRIEVANCE_ID),
        (String) execution.getVariable(GRIEVANCE_OUTCOME));
  }
}
