package com.oversight.notification;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * PLACEHOLDER of the sales branch, so that models naming {@code ${sendNotificationDelegate}} pass
 * the model rules and run: it only logs. The notifications branch provides the real delegate
 * (same bean name): on merge, keep theirs and delete this file.
 */
@Component(Notifications.DELEGATE)
public class SendNotificationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SendNotificationDelegate.class);

  @Override
  public void execute(DelegateExecution execution) {
    LOG.info("Notification {} to users {} and groups {} (placeholder: no email sent)",
        execution.getVariable(Notifications.TEMPLATE), execution.getVariable(Notifications.TO_USERS),
        execution.getVariable(Notifications.TO_GROUPS));
  }
}
