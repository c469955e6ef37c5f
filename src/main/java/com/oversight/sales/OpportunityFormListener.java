package com.oversight.sales;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On create of Task_CompleteInformation: the form edits the opportunity, which the case holds
 * (ov_sale_case), so its fields are put into the process for the form;
 * Task_RegisterOpportunity stores what the submitter corrected and removes them again.
 */
@Component
public class OpportunityFormListener implements TaskListener {

  private final SaleCases saleCases;

  public OpportunityFormListener(SaleCases saleCases) {
    this.saleCases = saleCases;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseId = SaleProcess.caseId(task);
    Opportunity opportunity = saleCases.find(caseId).orElseThrow(
        () -> new IllegalStateException("No sale case " + caseId)).opportunity();
    Map<String, Object> fields = OpportunityVariables.of(opportunity);
    task.getExecution().getProcessInstance().setVariables(fields);
  }
}
