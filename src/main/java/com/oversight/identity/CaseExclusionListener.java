package com.oversight.identity;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.CASE_REF;
import static com.oversight.platform.ProcessVariables.RELATED_CASE_REF;

import com.oversight.platform.TaskRefusal;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Task listener {@code ${caseExclusionListener}} for every task of a grievance or investigation
 * (events create, assignment, complete): on create, the task is revoked for every user excluded
 * from the case ({@code caseRef}, {@code relatedCaseRef}); on assignment and complete, an excluded
 * assignee or signed-in user is refused with a {@link TaskRefusal} (403 over the REST API) and
 * nothing changes.
 */
@Component
public class CaseExclusionListener implements TaskListener {

  private final CaseExclusions exclusions;

  public CaseExclusionListener(CaseExclusions exclusions) {
    this.exclusions = exclusions;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseRef = text(task, CASE_REF);
    String relatedRef = text(task, RELATED_CASE_REF);
    Set<String> excluded = exclusions.excludedUsers(caseRef, relatedRef);
    if (excluded.isEmpty()) {
      return;
    }
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      exclusions.revokeTask(task.getId(), excluded);
    }
    if (task.getAssignee() != null && excluded.contains(task.getAssignee())) {
      throw refusal(task.getAssignee(), caseRef);
    }
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Authentication authentication =
          task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (authentication != null && excluded.contains(authentication.getUserId())) {
        throw refusal(authentication.getUserId(), caseRef);
      }
    }
  }

  private static TaskRefusal refusal(String userId, String caseRef) {
    return TaskRefusal.forbidden("Conflict of interest: " + userId + " is excluded from "
        + caseRef + " and takes no part in it");
  }
}
