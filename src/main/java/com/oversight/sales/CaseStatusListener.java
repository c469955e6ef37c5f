package com.oversight.sales;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Keeps the case status sales see in step with the task the case waits for (on create). */
@Component
public class CaseStatusListener implements TaskListener {

  private static final Map<String, CaseStatus> STATUS = Map.ofEntries(
      Map.entry("Task_CompleteInformation", CaseStatus.INFORMATION_REQUESTED),
      Map.entry("Task_ReviewLowRisk", CaseStatus.IN_REVIEW),
      Map.entry("Task_PrepareDossier", CaseStatus.IN_REVIEW),
      Map.entry("Task_Vote", CaseStatus.WITH_COMMITTEE),
      Map.entry("Task_ChairDeliberation", CaseStatus.WITH_COMMITTEE),
      Map.entry("Task_ConfirmContractClauses", CaseStatus.WITH_LEGAL),
      Map.entry("Task_NegotiateClauses", CaseStatus.WITH_LEGAL),
      Map.entry("Task_FulfilCondition", CaseStatus.WITH_LEGAL),
      Map.entry("Task_RecordAuthorityDecision", CaseStatus.AWAITING_AUTHORITY));

  private final SaleCases saleCases;

  public CaseStatusListener(SaleCases saleCases) {
    this.saleCases = saleCases;
  }

  @Override
  public void notify(DelegateTask task) {
    CaseStatus status = STATUS.get(task.getTaskDefinitionKey());
    if (status != null) {
      saleCases.updateStatus(SaleProcess.caseId(task), status);
    }
  }
}
