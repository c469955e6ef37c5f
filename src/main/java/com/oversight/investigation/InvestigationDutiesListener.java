package com.oversight.investigation;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.CASE_REF;
import static com.oversight.platform.ProcessVariables.LEAD_INVESTIGATOR;
import static com.oversight.platform.ProcessVariables.RELATED_CASE_REF;
import static com.oversight.platform.ProcessVariables.SUBMITTER;

import com.oversight.platform.TaskRefusal;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties in an investigation, enforced by the server on create, assignment and
 * complete of its tasks (next to {@code ${caseExclusionListener}}, which handles conflicts of
 * interest): the lead investigator never decides the outcome; the submitter of the sale that
 * asked for a pre-sale investigation ({@code submitter}) takes no part in it; evidence and
 * customer responses are recorded by the lead investigator only. Refusals are
 * {@link TaskRefusal}s (403 over the engine REST API); nothing changes.
 */
@Component
public class InvestigationDutiesListener implements TaskListener {

  static final String DECIDE = "Task_DecideOutcome";
  static final Set<String> LEAD_ONLY = Set.of("Task_GatherEvidence", "Task_AwaitCustomerResponse");

  @Override
  public void notify(DelegateTask task) {
    check(task, task.getAssignee(), false);
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Authentication authentication =
          task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (authentication != null && authentication.getUserId() != null) {
        check(task, authentication.getUserId(), true);
      }
    }
  }

  private static void check(DelegateTask task, String user, boolean completing) {
    if (user == null) {
      return;
    }
    String caseRef = text(task, CASE_REF);
    String submitter = text(task, SUBMITTER);
    if (user.equals(submitter)) {
      throw TaskRefusal.forbidden("Segregation of duties: " + user + " submitted "
          + text(task, RELATED_CASE_REF) + " and takes no part in its investigation " + caseRef);
    }
    String lead = text(task, LEAD_INVESTIGATOR);
    if (DECIDE.equals(task.getTaskDefinitionKey()) && user.equals(lead)) {
      throw TaskRefusal.forbidden("Segregation of duties: " + user + " leads " + caseRef
          + " and cannot decide its outcome");
    }
    if (completing && lead != null && LEAD_ONLY.contains(task.getTaskDefinitionKey())
        && !user.equals(lead)) {
      throw TaskRefusal.forbidden("Only " + lead + ", the lead investigator of " + caseRef
          + ", can complete \"" + task.getName() + "\" (" + user + " tried)");
    }
  }
}
