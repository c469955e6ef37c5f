package com.oversight.investigation;

import static com.oversight.platform.ProcessValues.actor;
import static com.oversight.platform.ProcessValues.flag;
import static com.oversight.platform.ProcessValues.text;
import static com.oversight.investigation.InvestigationService.choice;
import static com.oversight.investigation.InvestigationService.required;
import static com.oversight.platform.ProcessVariables.*;

import com.oversight.investigation.InvestigationService.Subject;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

/**
 * On completion of each user task of the investigation: checks what the form cannot (the plan
 * unless a conflict is declared, the request or the findings by the next step, the rationale and
 * the outcome's conditions), refusing with a {@link com.oversight.platform.TaskRefusal} that names
 * the field; stores the investigation records through {@link InvestigationService}; and writes
 * the process variables the gateways and later forms read. The forms' fields are task-local
 * (input parameters), so free text reaches the process only where a later step needs it.
 */
@Component
public class InvestigationRecordListener implements TaskListener {

  /** Task_GatherEvidence: what comes next. */
  enum NextStep { REQUEST_INFORMATION, REPORT_FINDINGS }

  private final InvestigationService service;

  public InvestigationRecordListener(InvestigationService service) {
    this.service = service;
  }

  @Override
  public void notify(DelegateTask task) {
    String actor = actor(task);
    String id = InvestigationProcess.investigationId(task);
    DelegateExecution instance = task.getExecution().getProcessInstance();
    switch (task.getTaskDefinitionKey()) {
      case "Task_PlanInvestigation" -> {
        if (flag(task, CONFLICT_OF_INTEREST)) {
          instance.setVariable(CONFLICT_DECLARED_BY, actor);
          return;
        }
        String plan = text(task, INVESTIGATION_PLAN);
        required(plan, INVESTIGATION_PLAN, "the investigation plan is required");
        String customerId = text(task, IDENTIFIED_CUSTOMER_ID);
        String agency = text(task, IDENTIFIED_AGENCY);
        String country = text(task, IDENTIFIED_COUNTRY);
        Subject subject = customerId != null || (agency != null && country != null)
            ? service.identify(customerId, agency, country)
            : service.identify(text(task, CUSTOMER_ID), text(task, CUSTOMER_AGENCY),
                text(task, COUNTRY));
        service.recordPlan(id, actor, plan, subject);
        InvestigationVariables.subject(instance, subject);
        instance.setVariable(LEAD_INVESTIGATOR, actor);
        instance.setVariable(CONFLICT_DECLARED_BY, null);
      }
      case "Task_GatherEvidence" -> {
        NextStep step = choice(NextStep.class, INVESTIGATION_NEXT_STEP,
            text(task, INVESTIGATION_NEXT_STEP));
        String request = text(task, INFORMATION_REQUEST);
        String findings = text(task, FINDINGS_SUMMARY);
        if (step == NextStep.REQUEST_INFORMATION) {
          required(request, INFORMATION_REQUEST, "say what the customer is asked");
        } else {
          required(findings, FINDINGS_SUMMARY, "summarise the findings for the committee");
        }
        InvestigationOutcome recommended = step == NextStep.REPORT_FINDINGS
            ? choice(InvestigationOutcome.class, RECOMMENDED_OUTCOME,
                text(task, RECOMMENDED_OUTCOME)) : null;
        String note = text(task, EVIDENCE_NOTE);
        if (note != null) {
          service.addEvidence(id, actor, note);
        }
        if (step == NextStep.REQUEST_INFORMATION) {
          instance.setVariable(INFORMATION_REQUEST, request);
        } else {
          service.recordFindings(id, actor, findings, recommended);
          instance.setVariable(FINDINGS_SUMMARY, findings);
          instance.setVariable(RECOMMENDED_OUTCOME, recommended.name());
        }
        instance.setVariable(INVESTIGATION_NEXT_STEP, step.name());
      }
      case "Task_AwaitCustomerResponse" -> {
        String response = text(task, CUSTOMER_RESPONSE);
        required(response, CUSTOMER_RESPONSE, "record the customer's answer");
        service.recordResponse(id, text(task, INFORMATION_REQUEST_ID), actor, response);
        instance.setVariable(INFORMATION_REQUEST_STATUS, "The customer answered the last "
            + "information request on " + ClockUtil.getCurrentTime().toInstant()
                .atZone(ZoneOffset.UTC).toLocalDate() + " (recorded in the investigation)");
      }
      case InvestigationDutiesListener.DECIDE -> {
        if (flag(task, CONFLICT_OF_INTEREST)) {
          instance.setVariable(CONFLICT_DECLARED_BY, actor);
          return;
        }
        InvestigationOutcome outcome = choice(InvestigationOutcome.class, INVESTIGATION_OUTCOME,
            text(task, INVESTIGATION_OUTCOME));
        String rationale = text(task, OUTCOME_RATIONALE);
        String mitigations = outcome == InvestigationOutcome.MITIGATIONS_REQUIRED
            ? text(task, MITIGATIONS) : null;
        service.checkDecision(outcome, rationale, mitigations, text(task, CUSTOMER_ID));
        service.recordDecision(id, outcome, rationale, mitigations, actor);
        instance.setVariable(INVESTIGATION_OUTCOME, outcome.name());
        instance.setVariable(OUTCOME_RATIONALE, rationale);
        instance.setVariable(MITIGATIONS, mitigations);
        instance.setVariable(OUTCOME_DECIDED_BY, actor);
        instance.setVariable(CONFLICT_DECLARED_BY, null);
      }
      case "Task_ConfirmMitigations" -> {
        String note = text(task, MITIGATIONS_NOTE);
        required(note, MITIGATIONS_NOTE, "say how the mitigations are in place");
        service.confirmMitigations(id, actor, note);
      }
      default -> { }
    }
  }
}
