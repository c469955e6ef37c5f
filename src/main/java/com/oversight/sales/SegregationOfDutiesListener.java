package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.BUSINESS_KEY;
import static com.oversight.platform.ProcessVariables.SUBMITTER;

import java.util.Map;
import com.oversight.platform.TaskRefusal;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties, enforced by the server: on create, assignment and complete of every
 * compliance, committee, chair, investigator and legal task of a sale case, the acting user (the
 * assignee; on complete also the signed-in user) must not be the case's submitter. The attempt
 * is refused with a {@link TaskRefusal} that says why (403 over the engine REST API); nothing
 * changes.
 */
@Component
public class SegregationOfDutiesListener implements TaskListener {

  private static final Map<String, String> WHAT = Map.of(
      "Task_ReviewLowRisk", "compliance review",
      "Task_PrepareDossier", "due-diligence dossier",
      "Task_Vote", "committee vote",
      "Task_ChairDeliberation", "chair deliberation",
      "Task_ConfirmContractClauses", "contract-clause check",
      "Task_FulfilCondition", "condition check",
      "Task_RecordAuthorityDecision", "export-authority decision");

  @Override
  public void notify(DelegateTask task) {
    String submitter = ProcessValues.text(task, SUBMITTER);
    if (submitter == null) {
      return;
    }
    String event = task.getEventName();
    String what = WHAT.getOrDefault(task.getTaskDefinitionKey(), "task");
    String businessKey = ProcessValues.text(task, BUSINESS_KEY);
    if (submitter.equals(task.getAssignee())) {
      throw refusal(submitter, businessKey, (EVENTNAME_COMPLETE.equals(event)
          ? "cannot complete its " : "cannot be assigned its ") + what);
    }
    if (EVENTNAME_COMPLETE.equals(event)) {
      Authentication authentication =
          task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (authentication != null && submitter.equals(authentication.getUserId())) {
        throw refusal(submitter, businessKey, "cannot complete its " + what);
      }
    }
  }

  private static TaskRefusal refusal(String submitter, String businessKey, String what) {
    return TaskRefusal.forbidden("Segregation of duties: " + submitter + " submitted "
        + businessKey + " and " + what);
  }
}
