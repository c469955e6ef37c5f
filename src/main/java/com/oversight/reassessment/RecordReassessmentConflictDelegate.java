package com.oversight.reassessment;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.CASE_REF;
import static com.oversight.platform.ProcessVariables.CONFLICT_DECLARED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ExcludeConflictedMember: the committee member who declared a conflict of interest is
 * excluded from the re-assessment (identity.CaseExclusions, DECLARED_CONFLICT): the decision goes
 * back to the other members, hidden from and refused to them.
 */
@Component
public class RecordReassessmentConflictDelegate implements JavaDelegate {

  private final ReassessmentService service;

  public RecordReassessmentConflictDelegate(ReassessmentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = text(execution, CONFLICT_DECLARED_BY);
    if (user == null) {
      throw new IllegalStateException("No conflictDeclaredBy: nobody declared a conflict");
    }
    service.recordConflict(ReassessmentProcess.reassessmentId(execution),
        text(execution, CASE_REF), user);
  }
}
