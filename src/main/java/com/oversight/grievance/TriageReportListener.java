package com.oversight.grievance;

import static com.oversight.platform.ProcessVariables.ADMISSIBLE;
import static com.oversight.platform.ProcessVariables.GRIEVANCE_ID;
import static com.oversight.platform.ProcessVariables.INVESTIGATE;
import static com.oversight.platform.ProcessVariables.INVESTIGATION_REQUIRED;
import static com.oversight.platform.ProcessVariables.PEOPLE_AT_RISK;
import static com.oversight.platform.ProcessVariables.PRIORITY;
import static com.oversight.platform.ProcessVariables.RETALIATION_RISK;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Task_TriageReport, on complete: records the triage and decides whether an investigation
 * follows; an incomplete triage, or one that would keep a report of misuse against people at
 * risk from the committee, is refused and the task stays open.
 */
@Component
public class TriageReportListener implements TaskListener {

  private final GrievanceHandling handling;

  public TriageReportListener(GrievanceHandling handling) {
    this.handling = handling;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean investigate = handling.triage((String) task.getVariable(GRIEVANCE_ID),
        (Boolean) task.getVariable(ADMISSIBLE), (String) task.getVariable(PRIORITY),
        (String) task.getVariable(RETALIATION_RISK), (Boolean) task.getVariable(PEOPLE_AT_RISK),
        (Boolean) task.getVariable(INVESTIGATE), task.getAssignee());
    task.getExecution().setVariable(INVESTIGATION_REQUIRED, investigate);
  }
}
