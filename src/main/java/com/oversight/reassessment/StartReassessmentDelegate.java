package com.oversight.reassessment;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.CUSTOMER_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Task_StartReassessment (ReassessmentScheduleProcess, one job per customer): starts the
 * customer's re-assessment by message, unless one started meanwhile or the customer is no longer
 * ACTIVE or due.
 */
@Component
public class StartReassessmentDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(StartReassessmentDelegate.class);

  private final ReassessmentStarter starter;

  public StartReassessmentDelegate(ReassessmentStarter starter) {
    this.starter = starter;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ReassessmentStarter.Outcome outcome = starter.startScheduled(text(execution, CUSTOMER_ID));
    if (outcome.started()) {
      LOG.info("Scheduled re-assessment {} started", outcome.reference());
    } else {
      LOG.info("No scheduled re-assessment for customer {}: {}", outcome.customerId(),
          outcome.reason());
    }
  }
}
