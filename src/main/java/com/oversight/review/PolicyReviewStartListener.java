package com.oversight.review;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.INITIATOR;
import static com.oversight.platform.ProcessVariables.PERIOD_FROM;
import static com.oversight.platform.ProcessVariables.PERIOD_TO;
import static com.oversight.platform.ProcessVariables.REVIEW_ID;
import static com.oversight.platform.ProcessVariables.REVIEW_PATH;
import static com.oversight.platform.ProcessVariables.REVIEW_REF;

import com.oversight.review.PolicyReviews.PolicyReview;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * StartEvent_ReviewDue: opens the review at once, so that a bad period from the start form is
 * refused in Tasklist (no instance is created) and the review's reference (PR-yyyy-nnnn) is the
 * business key from the start. The timer gives no period: the review then covers the default one
 * ({@code oversight.review.period} up to the first day of the month).
 */
@Component
public class PolicyReviewStartListener implements ExecutionListener {

  private final PolicyReviewService service;

  public PolicyReviewStartListener(PolicyReviewService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateExecution execution) {
    PolicyReview review = service.open(text(execution, PERIOD_FROM), text(execution, PERIOD_TO),
        text(execution, INITIATOR), execution.getProcessInstanceId());
    execution.setProcessBusinessKey(review.reference());
    execution.setVariable(REVIEW_ID, review.id());
    execution.setVariable(REVIEW_REF, review.reference());
    execution.setVariable(PERIOD_FROM, review.periodFrom().toString());
    execution.setVariable(PERIOD_TO, review.periodTo().toString());
    execution.setVariable(REVIEW_PATH, PolicyReviewPages.recordPath(review.id()));
  }
}
