package com.oversight.grievance;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Task_PurgeExpiredReports (GrievanceRetentionProcess): purges reports past retention. */
@Component
public class PurgeExpiredReportsDelegate implements JavaDelegate {

  static final String PURGED_COUNT = "purgedCount";

  private final GrievanceHandling handling;

  public PurgeExpiredReportsDelegate(GrievanceHandling handling) {
    this.handling = handling;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PURGED_COUNT, handling.purgeExpired());
  }
}
