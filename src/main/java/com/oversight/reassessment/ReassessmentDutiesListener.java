package com.oversight.reassessment;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.CASE_REF;
import static com.oversight.platform.ProcessVariables.REVIEWED_BY;
import static com.oversight.platform.ProcessVariables.STARTED_BY;

import com.oversight.platform.TaskRefusal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties in a re-assessment, enforced by the server on create, assignment and
 * complete of the committee's decision (next to {@code ${caseExclusionListener}}, which keeps out
 * members with a conflict of interest in the re-assessment or in the customer's sale): the
 * compliance analyst who reviewed it, or who started it by hand, does not decide it.
 */
@Component
public class ReassessmentDutiesListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    check(task, task.getAssignee());
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Authentication authentication =
          task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (authentication != null) {
        check(task, authentication.getUserId());
      }
    }
  }

  private static void check(DelegateTask task, String user) {
    if (user == null || !ReassessmentRecordListener.DECIDE.equals(task.getTaskDefinitionKey())) {
      return;
    }
    String caseRef = text(task, CASE_REF);
    if (user.equals(text(task, REVIEWED_BY))) {
      throw TaskRefusal.forbidden("Segregation of duties: " + user + " reviewed " + caseRef
          + " for compliance and cannot decide it");
    }
    if (user.equals(text(task, STARTED_BY))) {
      throw TaskRefusal.forbidden("Segregation of duties: " + user + " started " + caseRef
          + " and cannot decide it");
    }
  }
}
