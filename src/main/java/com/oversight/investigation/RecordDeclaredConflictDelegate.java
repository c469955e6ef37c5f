package com.oversight.investigation;

import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.CASE_REF;
import static com.oversight.platform.ProcessVariables.CONFLICT_DECLARED_BY;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_ExcludeConflictedInvestigator, Task_ExcludeConflictedMember: the user who declared a
 * conflict of interest is excluded from the case (identity.CaseExclusions, DECLARED_CONFLICT):
 * the next task of the stage is hidden from them and refused to them.
 */
@Component
public class RecordDeclaredConflictDelegate implements JavaDelegate {

  private final InvestigationService service;

  public RecordDeclaredConflictDelegate(InvestigationService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String user = text(execution, CONFLICT_DECLARED_BY);
    if (user == null) {
      throw new IllegalStateException("No conflictDeclaredBy: nobody declared a conflict");
    }
    service.recordConflict(InvestigationProcess.investigationId(execution),
        text(execution, CASE_REF), user);
  }
}
