package com.oversight.review;

import static com.oversight.platform.ProcessValues.actor;
import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.AMENDMENTS;
import static com.oversight.platform.ProcessVariables.AMENDMENTS_PROPOSED_BY;
import static com.oversight.platform.ProcessVariables.AMENDMENT_ROUND;
import static com.oversight.platform.ProcessVariables.APPROVAL_DECISION;
import static com.oversight.platform.ProcessVariables.APPROVED_BY;
import static com.oversight.platform.ProcessVariables.DECISION_IMPACT_ID;
import static com.oversight.platform.ProcessVariables.DECISION_REASON;
import static com.oversight.platform.ProcessVariables.DIALOGUE_CHANGES;
import static com.oversight.platform.ProcessVariables.FIGURES_FINDINGS;
import static com.oversight.platform.ProcessVariables.FRAMEWORK_FINDINGS;
import static com.oversight.platform.ProcessVariables.REVIEW_ID;
import static com.oversight.platform.ProcessVariables.SEND_BACK_REASON;
import static com.oversight.platform.ProcessVariables.STAKEHOLDERS_CONSULTED;
import static com.oversight.platform.ProcessVariables.STAKEHOLDER_VIEWS;

import com.oversight.platform.ProcessVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completion of each user task of the policy review: stores what the form holds in the
 * review's record through {@link PolicyReviewService} (refusing missing or oversized text with a
 * {@link com.oversight.platform.TaskRefusal} naming the field), and writes only what the
 * gateways and later forms need into the process. The forms' text fields are task-local (input
 * parameters), so the long texts never become process variables.
 */
@Component
public class PolicyReviewRecordListener implements TaskListener {

  private final PolicyReviewService service;

  public PolicyReviewRecordListener(PolicyReviewService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = actor(task);
    String reviewId = text(task, REVIEW_ID);
    DelegateExecution instance = task.getExecution().getProcessInstance();
    switch (task.getTaskDefinitionKey()) {
      case "Task_ExpertReview" -> service.recordFindings(reviewId, actor,
          text(task, FRAMEWORK_FINDINGS), text(task, FIGURES_FINDINGS));
      case "Task_RecordStakeholderDialogue" -> service.recordDialogue(reviewId, actor,
          text(task, STAKEHOLDERS_CONSULTED), text(task, STAKEHOLDER_VIEWS),
          text(task, DIALOGUE_CHANGES));
      case "Task_ProposeAmendments" -> {
        String impact = text(task, DECISION_IMPACT_ID);
        int round = service.proposeAmendments(reviewId, actor, text(task, AMENDMENTS), impact);
        instance.setVariable(AMENDMENTS_PROPOSED_BY, actor);
        instance.setVariable(AMENDMENT_ROUND, round);
        instance.setVariable(DECISION_IMPACT_ID, impact);
      }
      case "Task_ApproveAmendments" -> {
        String reason = text(task, DECISION_REASON);
        PolicyReviewService.Decision decision = service.decide(reviewId, actor,
            text(task, AMENDMENTS_PROPOSED_BY), text(task, APPROVAL_DECISION), reason);
        instance.setVariable(APPROVAL_DECISION, decision.name());
        if (decision == PolicyReviewService.Decision.APPROVE) {
          instance.setVariable(APPROVED_BY, actor);
          instance.setVariable(SEND_BACK_REASON, null);
        } else {
          instance.setVariable(SEND_BACK_REASON, ProcessVariables.fitting(reason));
        }
      }
      default -> { }
    }
  }
}
