package com.oversight.investigation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Small helpers shared by the investigation's delegates and listeners. */
final class InvestigationProcess {

  static final String SYSTEM = "system";

  private InvestigationProcess() {}

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  /** The investigation's id (ov_investigation.id); the process must have registered it. */
  static String investigationId(VariableScope scope) {
    String id = text(scope, com.oversight.platform.ProcessVariables.INVESTIGATION_ID);
    if (id == null) {
      throw new IllegalStateException("The process has no investigationId: not registered");
    }
    return id;
  }

  /** Who acts on a task: the signed-in user (Tasklist, REST), else the assignee. */
  static String actor(DelegateTask task) {
    Authentication authentication =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (authentication != null && authentication.getUserId() != null) {
      return authentication.getUserId();
    }
    return task.getAssignee() == null ? "unknown" : task.getAssignee();
  }

  /** Ledger details from key/value pairs, leaving out nulls, in the given order. */
  static Map<String, Object> details(Object... keyValues) {
    Map<String, Object> details = new LinkedHashMap<>();
    for (int i = 0; i + 1 < keyValues.length; i += 2) {
      if (keyValues[i + 1] != null) {
        details.put(keyValues[i].toString(), keyValues[i + 1]);
      }
    }
    return details;
  }
}
