package com.oversight.reassessment;

import static com.oversight.platform.ProcessVariables.*;

import com.oversight.reassessment.ReassessmentService.Score;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RescoreCustomer: re-scores the customer with the risk engine on its sale case's deal,
 * compares tier and red flags with the last ones and records the re-assessment; writes the new
 * tier, the red flags (all and new), the explanation and whether a review is required.
 */
@Component
public class RescoreCustomerDelegate implements JavaDelegate {

  private final ReassessmentService service;

  public RescoreCustomerDelegate(ReassessmentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Score score = service.rescore(ReassessmentProcess.reassessmentId(execution));
    execution.setVariable(RISK_TIER, score.tier().name());
    execution.setVariable(PREVIOUS_RISK_TIER, score.previousTier().name());
    execution.setVariable(RED_FLAGS, score.redFlags());
    execution.setVariable(NEW_RED_FLAGS, score.newRedFlags());
    execution.setVariable(RISK_EXPLANATION_TEXT, score.explanation());
    execution.setVariable(RISK_SUMMARY, score.summary());
    execution.setVariable(REVIEW_REQUIRED, score.reviewRequired());
    execution.setVariable(REVIEW_REASON, score.reason());
  }
}
