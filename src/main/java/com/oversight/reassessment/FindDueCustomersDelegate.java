package com.oversight.reassessment;

import static com.oversight.platform.ProcessVariables.DUE_CUSTOMERS;
import static com.oversight.platform.ProcessVariables.DUE_CUSTOMER_COUNT;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_FindDueCustomers (ReassessmentScheduleProcess): the ACTIVE customers whose re-assessment
 * date has come and that have none running (dueCustomers, dueCustomerCount).
 */
@Component
public class FindDueCustomersDelegate implements JavaDelegate {

  private final ReassessmentService service;

  public FindDueCustomersDelegate(ReassessmentService service) {
    this.service = service;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> due = new ArrayList<>(service.dueCustomers());
    execution.setVariable(DUE_CUSTOMERS, due);
    execution.setVariable(DUE_CUSTOMER_COUNT, due.size());
  }
}
