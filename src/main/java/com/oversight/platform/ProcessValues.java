package com.oversight.platform;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Reading process variables and naming the actor: shared by every capability's delegates. */
public final class ProcessValues {

  /** The actor of what Oversight does by itself (timers, service tasks) in the decision ledger. */
  public static final String SYSTEM = "system";

  private ProcessValues() {}

  /** A variable as trimmed text; null when absent or blank. */
  public static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  /** A variable as a boolean (Boolean or "true"); false when absent. */
  public static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  /** Who acts on a task: the signed-in user (Tasklist, REST), else the assignee. */
  public static String actor(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? "unknown" : task.getAssignee();
  }

  /** Ledger details from key/value pairs, leaving out nulls, in the given order. */
  public static Map<String, Object> details(Object... keyValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        details.put(keyValues[i].toString(), keyValues[i + 1]);
      }
    }
    return details;
  }
}
