package com.oversight.sales;

import com.oversight.platform.ProcessVariables;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Small helpers shared by the sale-approval delegates and listeners. */
final class SaleProcess {

  static final String SYSTEM = "system";

  private SaleProcess() {}

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null || value.toString().isBlank() ? null : value.toString().trim();
  }

  static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : value != null && Boolean.parseBoolean(value.toString());
  }

  static String caseId(VariableScope scope) {
    String caseId = text(scope, ProcessVariables.CASE_ID);
    if (caseId == null) {
      throw new IllegalStateException("The process has no caseId: the case was not registered");
    }
    return caseId;
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

  static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
