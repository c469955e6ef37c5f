package com.oversight.investigation;

import static com.oversight.platform.ProcessValues.text;

import com.oversight.platform.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Small helpers shared by the investigation's delegates and listeners. */
final class InvestigationProcess {

  private InvestigationProcess() {}

  /** The investigation's id (ov_investigation.id); the process must have registered it. */
  static String investigationId(VariableScope scope) {
    String id = text(scope, ProcessVariables.INVESTIGATION_ID);
    if (id == null) {
      throw new IllegalStateException("The process has no investigationId: not registered");
    }
    return id;
  }
}
