package com.oversight.investigation;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessValues.text;
import static com.oversight.platform.ProcessVariables.INFORMATION_REQUEST;
import static com.oversight.platform.ProcessVariables.INFORMATION_REQUEST_ID;
import static com.oversight.platform.ProcessVariables.INFORMATION_REQUEST_STATUS;
import static com.oversight.platform.ProcessVariables.LEAD_INVESTIGATOR;
import static com.oversight.platform.ProcessVariables.RESPONSE_DUE;

import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RecordInformationRequest: records the request to the customer with its deadline
 * (oversight.investigation.response-deadline) and sets {@code responseDue}, the due date of the
 * response task and of its deadline timer.
 */
@Component
public class RecordInformationRequestDelegate implements JavaDelegate {

  private final InvestigationService service;
  private final InvestigationSettings settings;

  public RecordInformationRequestDelegate(InvestigationService service,
      InvestigationSettings settings) {
    this.service = service;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Date due = settings.responseDue();
    String lead = text(execution, LEAD_INVESTIGATOR);
    String requestId = service.requestInformation(InvestigationProcess.investigationId(execution),
        lead == null ? ProcessValues.SYSTEM : lead, text(execution, INFORMATION_REQUEST),
        due.toInstant());
    execution.setVariable(INFORMATION_REQUEST_ID, requestId);
    execution.setVariable(RESPONSE_DUE, due);
    execution.setVariable(INFORMATION_REQUEST_STATUS, "Information requested from the customer; "
        + "answer due by " + due.toInstant().atZone(ZoneOffset.UTC).toLocalDate());
  }
}
