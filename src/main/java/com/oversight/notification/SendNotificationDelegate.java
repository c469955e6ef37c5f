package com.oversight.notification;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code ${sendNotificationDelegate}}: sends the email of a notification service task (see
 * {@link Notifications} for the contract and docs/notifications.md for the modelling guide).
 *
 * <p>Reads the input parameters, resolves the recipients, renders the template with the
 * execution's variables and sends one message per recipient. It never swallows a failure: a
 * configuration error ({@link NotificationException}) or a mail failure
 * ({@link org.springframework.mail.MailException}) fails the job, the engine retries it by the
 * task's retry cycle and then raises an incident; the process waits at the task meanwhile.
 */
@Component(Notifications.DELEGATE)
public class SendNotificationDelegate implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(SendNotificationDelegate.class);

  private final TemplateRenderer renderer;
  private final RecipientResolver recipients;
  private final MailComposer mail;
  private final NotificationProperties properties;

  public SendNotificationDelegate(TemplateRenderer renderer, RecipientResolver recipients,
      MailComposer mail, NotificationProperties properties) {
    this.renderer = renderer;
    this.recipients = recipients;
    this.mail = mail;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String template = text(execution.getVariable(Notifications.TEMPLATE));
    List<String> groups = ids(execution.getVariable(Notifications.TO_GROUPS));
    List<String> users = ids(execution.getVariable(Notifications.TO_USERS));
    if (template.isEmpty()) {
      throw new NotificationException(where(execution) + ": input parameter "
          + Notifications.TEMPLATE + " is missing");
    }
    if (groups.isEmpty() && users.isEmpty()) {
      throw new NotificationException(where(execution) + ": no recipients: set the input "
          + "parameter " + Notifications.TO_GROUPS + " or " + Notifications.TO_USERS);
    }
    RenderedMessage message = renderer.render(template, name -> value(execution, name));
    List<Recipient> to = recipients.resolve(groups, users);
    if (!properties.enabled()) {
      LOG.info("{}: notifications disabled, '{}' not sent to {}", where(execution), template,
          userIds(to));
    } else if (to.isEmpty()) {
      LOG.warn("{}: '{}' has no recipient with an email address (groups {}, users {})",
          where(execution), template, groups, users);
    } else {
      mail.send(message, to);
      LOG.info("{}: '{}' sent to {}", where(execution), template, userIds(to));
    }
  }

  /** A process variable, or one of the built-in placeholders of {@link Notifications}. */
  private Object value(DelegateExecution execution, String name) {
    if (execution.hasVariable(name)) {
      return execution.getVariable(name);
    }
    return switch (name) {
      case Notifications.BUSINESS_KEY -> execution.getProcessBusinessKey();
      case Notifications.PROCESS_INSTANCE_ID -> execution.getProcessInstanceId();
      case Notifications.PROCESS_NAME -> execution.getProcessEngineServices().getRepositoryService()
          .getProcessDefinition(execution.getProcessDefinitionId()).getName();
      case Notifications.TASKLIST_URL -> properties.tasklistUrl();
      default -> null;
    };
  }

  /** A comma-separated string or a list (camunda:list) of ids. */
  private static List<String> ids(Object value) {
    Collection<?> items = value instanceof Collection<?> c ? c
        : Arrays.asList(text(value).split(","));
    return items.stream().map(SendNotificationDelegate::text).filter(s -> !s.isEmpty())
        .distinct().toList();
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString().trim();
  }

  private static List<String> userIds(List<Recipient> to) {
    return to.stream().map(Recipient::userId).toList();
  }

  private static String where(DelegateExecution execution) {
    return "Notification task " + execution.getCurrentActivityId() + " of process instance "
        + execution.getProcessInstanceId();
  }
}
