package com.oversight.grievance;

import static com.oversight.platform.ProcessVariables.GRIEVANCE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_RecordAcknowledgmentBreach: the 7 days passed without an acknowledgment. */
@Component
public class RecordAcknowledgmentBreachDelegate implements JavaDelegate {

  private final GrievanceHandling handling;

  public RecordAcknowledgmentBreachDelegate(GrievanceHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    handling.acknowledgmentMissed((String) execution.getVariable(GRIEVANCE_ID));
  }
}
