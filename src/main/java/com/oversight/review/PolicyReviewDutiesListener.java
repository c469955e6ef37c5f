package com.oversight.review;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.AMENDMENTS_PROPOSED_BY;
import static com.oversight.platform.ProcessVariables.REVIEW_ID;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Segregation of duties on Task_ApproveAmendments, enforced by the server on assignment and
 * completion: whoever proposed the amendments (a compliance analyst who is also on the
 * committee) can neither claim nor complete their approval. Refusals are 403s over the engine
 * REST API; Tasklist shows the reason.
 */
@Component
public class PolicyReviewDutiesListener implements TaskListener {

  private final PolicyReviewService service;

  public PolicyReviewDutiesListener(PolicyReviewService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    String proposer = text(task, AMENDMENTS_PROPOSED_BY);
    String reviewId = text(task, REVIEW_ID);
    service.checkNotProposer(reviewId, task.getAssignee(), proposer);
    if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      Authentication authentication =
          task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
      if (authentication != null) {
        service.checkNotProposer(reviewId, authentication.getUserId(), proposer);
      }
    }
  }
}
