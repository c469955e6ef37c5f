package com.oversight.notification;

/**
 * The contract between the models and the notification capability.
 *
 * <p>A model sends an email with a service task (asynchronous, with a retry cycle) whose
 * implementation is {@code ${sendNotificationDelegate}} and whose input parameters name the
 * template and the recipients:
 * <ul>
 *   <li>{@link #TEMPLATE}: the template name: {@code src/main/resources/notifications/<name>.txt},
 *       first line {@code Subject: ...}, then the body; {@code ${variable}} placeholders are
 *       filled from the process variables (never confidential content);</li>
 *   <li>{@link #TO_GROUPS}: comma-separated Camunda group ids, every member is told;</li>
 *   <li>{@link #TO_USERS}: comma-separated Camunda user ids.</li>
 * </ul>
 * Recipients' addresses come from their Camunda user profiles. Besides the process variables
 * (and the task's own input parameters, such as {@link #CASE_UPDATE}), templates may use the
 * built-in placeholders {@link #BUSINESS_KEY}, {@link #PROCESS_INSTANCE_ID},
 * {@link #PROCESS_NAME} and {@link #TASKLIST_URL}; a variable of the same name wins.
 * See docs/notifications.md.
 */
public final class Notifications {

  private Notifications() {}

  public static final String DELEGATE = "sendNotificationDelegate";
  public static final String TEMPLATE = "notificationTemplate";
  public static final String TO_GROUPS = "notifyGroups";
  public static final String TO_USERS = "notifyUsers";

  /** Input parameter read by the generic template {@code case-update}: what happened. */
  public static final String CASE_UPDATE = "caseUpdate";

  // Built-in placeholders, filled from the execution when no variable has the name
  public static final String BUSINESS_KEY = "businessKey";
  public static final String PROCESS_INSTANCE_ID = "processInstanceId";
  public static final String PROCESS_NAME = "processName";
  public static final String TASKLIST_URL = "tasklistUrl";
}
