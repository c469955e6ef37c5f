package com.oversight.sales;

import com.oversight.platform.ProcessValues;
import static com.oversight.platform.ProcessVariables.BUSINESS_KEY;
import static com.oversight.platform.ProcessVariables.CASE_ID;
import static com.oversight.platform.ProcessVariables.COMMITTEE_CONDITIONS;
import static com.oversight.platform.ProcessVariables.COMMITTEE_VOTES;
import static com.oversight.platform.ProcessVariables.DEAL_TITLE;
import static com.oversight.platform.ProcessVariables.INFORMATION_COMPLETE;
import static com.oversight.platform.ProcessVariables.INFORMATION_PROBLEMS;
import static com.oversight.platform.ProcessVariables.SUBMITTER;
import static com.oversight.platform.ProcessVariables.VOTING_ROUND;

import com.oversight.audit.AuditLedger;
import com.oversight.referencedata.ReferenceData;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task_RegisterOpportunity: registers the case from the opportunity's variables (a Tasklist start
 * creates it here; an API start created it already) or updates it after the submitter completed
 * the information, and decides whether the information is complete ({@code informationComplete},
 * {@code informationProblems} when not). The opportunity comes from the form's variables (which
 * are then removed: the case holds it) or, after an API submission, from the case itself.
 */
@Component
public class RegisterOpportunityDelegate implements JavaDelegate {

  private final SaleCases saleCases;
  private final ReferenceData referenceData;
  private final AuditLedger ledger;
  private final CaseAccess caseAccess;

  public RegisterOpportunityDelegate(SaleCases saleCases, ReferenceData referenceData,
      AuditLedger ledger, CaseAccess caseAccess) {
    this.saleCases = saleCases;
    this.referenceData = referenceData;
    this.ledger = ledger;
    this.caseAccess = caseAccess;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String submitter = ProcessValues.text(execution, SUBMITTER);
    String caseId = ProcessValues.text(execution, CASE_ID);
    // a form's fields (the start form, Task_CompleteInformation), or the case as the API stored it
    boolean fromForm = OpportunityVariables.present(execution);
    OpportunityVariables.Read read = fromForm || caseId == null
        ? OpportunityVariables.read(execution)
        : new OpportunityVariables.Read(saleCases.find(caseId).orElseThrow(
            () -> new IllegalStateException("No sale case " + execution.getVariable(CASE_ID)))
            .opportunity(), List.of());
    Opportunity opportunity = read.opportunity();
    List<String> problems = new ArrayList<>(read.problems());
    problems.addAll(InformationCheck.problems(opportunity, referenceData, SaleSettings.today()));
    if (caseId == null) {
      SaleCase saleCase = saleCases.create(submitter == null ? "unknown" : submitter,
          opportunity, CaseStatus.SUBMITTED);
      caseId = saleCase.id();
      saleCases.linkProcessInstance(caseId, execution.getProcessInstanceId());
      execution.setProcessBusinessKey(saleCase.businessKey());
      execution.setVariable(CASE_ID, caseId);
      execution.setVariable(BUSINESS_KEY, saleCase.businessKey());
      caseAccess.grantSubmitterRead(submitter, execution.getProcessInstanceId());
      ledger.appendAtCommit(caseId, "OPPORTUNITY_SUBMITTED",
          submitter == null ? "unknown" : submitter, ProcessValues.details(
              "businessKey", saleCase.businessKey(), "channel", "tasklist"));
    } else if (fromForm) {
      saleCases.updateOpportunity(caseId, opportunity);
    }
    // the case holds the opportunity from now on: not the process (OpportunityFormListener puts
    // it back for Task_CompleteInformation)
    execution.removeVariables(OpportunityVariables.NAMES);
    if (execution.getVariable(COMMITTEE_VOTES) == null) {
      execution.setVariable(COMMITTEE_CONDITIONS, "");
      execution.setVariable(COMMITTEE_VOTES, "[]");
      execution.setVariable(VOTING_ROUND, 0);
    }
    String countryName = opportunity.country() == null ? "unknown country"
        : referenceData.findCountry(opportunity.country()).map(ReferenceData.Country::name)
            .orElse(opportunity.country());
    execution.setVariable(DEAL_TITLE, (opportunity.customerAgency() == null
        ? "Unnamed customer" : abbreviated(opportunity.customerAgency())) + ", " + countryName);
    execution.setVariable(INFORMATION_COMPLETE, problems.isEmpty());
    if (!problems.isEmpty() || execution.hasVariable(INFORMATION_PROBLEMS)) {
      execution.setVariable(INFORMATION_PROBLEMS, String.join("\n", problems));
    }
    if (!problems.isEmpty()) {
      saleCases.updateStatus(caseId, CaseStatus.INFORMATION_REQUESTED);
      ledger.appendAtCommit(caseId, "INFORMATION_REQUESTED", ProcessValues.SYSTEM,
          ProcessValues.details("problems", problems));
    }
  }

  /** Task names hold 255 characters: an agency's name in the deal title is cut at 160. */
  static final int MAX_TITLE_AGENCY = 160;

  static String abbreviated(String agency) {
    if (agency.length() <= MAX_TITLE_AGENCY) {
      return agency;
    }
    int end = MAX_TITLE_AGENCY - 1;
    if (Character.isHighSurrogate(agency.charAt(end - 1))) {
      end--;
    }
    return agency.substring(0, end) + "…";
  }
}
