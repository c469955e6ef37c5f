package com.oversight.reassessment;

import static com.oversight.platform.ProcessValues.text;

import com.oversight.platform.ProcessVariables;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Small helpers shared by the re-assessment's delegates and listeners. */
final class ReassessmentProcess {

  private ReassessmentProcess() {}

  /** The re-assessment's id (ov_reassessment.id); the start must have registered it. */
  static String reassessmentId(VariableScope scope) {
    String id = text(scope, ProcessVariables.REASSESSMENT_ID);
    if (id == null) {
      throw new IllegalStateException("The process has no reassessmentId: not registered");
    }
    return id;
  }
}
