package com.oversight.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.identity.Groups;
import com.oversight.platform.ProcessKeys;
import com.oversight.referencedata.ReferenceData;
import com.oversight.risk.CapabilityClass;
import com.oversight.risk.CustomerType;
import com.oversight.risk.EndUseCategory;
import com.oversight.risk.RedFlag;
import com.oversight.risk.RiskAssessment;
import com.oversight.risk.RiskAssessment.ExplainedFactor;
import com.oversight.risk.RiskAssessmentService;
import com.oversight.risk.RiskTier;
import com.oversight.testing.InMemoryEngines;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SaleApprovalProcess as deployed from processes/, on an in-memory engine configured in code:
 * the real delegates and listeners over an in-memory case store and ledger, a mocked risk
 * engine and reference data, and a recording stand-in for the notification delegate. Every path,
 * timer and escalation; the coverage report (target/process-test-coverage/) must show every flow
 * node and sequence flow.
 */
@Deployment(resources = {
    "processes/sale-approval.bpmn",
    "processes/submit-opportunity.form",
    "processes/complete-information.form",
    "processes/review-low-risk.form",
    "processes/prepare-dossier.form",
    "processes/committee-vote.form",
    "processes/chair-deliberation.form",
    "processes/confirm-contract-clauses.form",
    "processes/negotiate-clauses.form",
    "processes/fulfil-condition.form",
    "processes/record-authority-decision.form",
    "stubs/misuse-investigation-stub.bpmn"})
class SaleApprovalProcessTest {

  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  static final InMemorySaleCases CASES = new InMemorySaleCases();
  static final InMemoryAuditLedger LEDGER = new InMemoryAuditLedger();
  static final RiskAssessmentService RISK = mock(RiskAssessmentService.class);
  static final ReferenceData REFERENCE_DATA = mock(ReferenceData.class);
  static final CaseAccess CASE_ACCESS = mock(CaseAccess.class);
  static final List<Map<String, Object>> NOTIFICATIONS = new ArrayList<>();

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
      .builder(engineConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  private ProcessEngine engine;

  static ProcessEngineConfiguration engineConfiguration() {
    SaleSettings settings = SaleSettings.defaults();
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    JavaDelegate notifications = execution -> {
      Map<String, Object> sent = new HashMap<>();
      sent.put("template", execution.getVariable("notificationTemplate"));
      sent.put("users", execution.getVariable("notifyUsers"));
      sent.put("groups", execution.getVariable("notifyGroups"));
      sent.put("businessKey", execution.getVariable("businessKey"));
      NOTIFICATIONS.add(sent);
    };
    Map<Object, Object> beans = new HashMap<>();
    beans.put("saleSettings", settings);
    beans.put("saleLists", new SaleLists());
    beans.put("sendNotificationDelegate", notifications);
    beans.put("registerOpportunityDelegate",
        new RegisterOpportunityDelegate(CASES, REFERENCE_DATA, LEDGER, CASE_ACCESS));
    beans.put("screenAndAssessRiskDelegate",
        new ScreenAndAssessRiskDelegate(CASES, RISK, LEDGER, json));
    beans.put("rejectProhibitedDealDelegate", new RejectProhibitedDealDelegate(CASES, LEDGER));
    beans.put("recordRejectionDelegate", new RecordRejectionDelegate(CASES, LEDGER));
    beans.put("withdrawCaseDelegate", new WithdrawCaseDelegate(CASES, LEDGER));
    beans.put("determineEligibleMembersDelegate", new DetermineEligibleMembersDelegate(LEDGER));
    beans.put("tallyVotesDelegate", new TallyVotesDelegate(LEDGER, settings));
    beans.put("recordExportRefusalDelegate", new RecordExportRefusalDelegate(CASES, LEDGER));
    beans.put("activateCustomerDelegate", new ActivateCustomerDelegate(CASES, settings, LEDGER));
    beans.put("segregationOfDutiesListener", new SegregationOfDutiesListener());
    beans.put("caseStatusListener", new CaseStatusListener(CASES));
    beans.put("decisionRecordListener", new DecisionRecordListener(LEDGER));
    beans.put("investigationResultListener", new InvestigationResultListener(LEDGER));
    beans.put("opportunityFormListener", new OpportunityFormListener(CASES));
    beans.put("saleCaseValues", new SaleCaseValues(CASES));
    return InMemoryEngines.configuration("sale-approval-test", beans);
  }

  @BeforeEach
  void setUp() {
    reset(RISK, REFERENCE_DATA);
    NOTIFICATIONS.clear();
    ClockUtil.setCurrentTime(Date.from(NOW));
    engine = ENGINE.getProcessEngine();
    BpmnAwareTests.init(engine);
    when(REFERENCE_DATA.findCountry(anyString())).thenReturn(Optional.empty());
    when(REFERENCE_DATA.findCountry("FL")).thenReturn(
        Optional.of(new ReferenceData.Country("FL", "FLD", "Freeland")));
    var identity = engine.getIdentityService();
    if (identity.createGroupQuery().groupId(Groups.GRC_COMMITTEE).count() == 0) {
      identity.saveGroup(identity.newGroup(Groups.GRC_COMMITTEE));
      for (String member : List.of("gina", "greg", "grace")) {
        identity.saveUser(identity.newUser(member));
        identity.createMembership(member, Groups.GRC_COMMITTEE);
      }
    }
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  // ---- paths -------------------------------------------------------------------------------

  @Test
  void aProhibitedDealIsRejectedWithoutAnyHumanTask() {
    assessedAs(RiskTier.PROHIBITED, new RedFlag("DENIED_PARTY", "The customer is on a denied-party list"));
    ProcessInstance instance = submitted(deal());
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_RejectProhibitedDeal", "Task_NotifyRejection",
        "EndEvent_DealRejected");
    assertThat(engine.getHistoryService().createHistoricTaskInstanceQuery()
        .processInstanceId(instance.getId()).count()).isZero();
    SaleCase saleCase = saleCase(instance);
    assertThat(saleCase.status()).isEqualTo(CaseStatus.REJECTED);
    assertThat(saleCase.riskTier()).isEqualTo("PROHIBITED");
    assertThat(saleCase.businessKey()).isEqualTo(businessKey(instance));
    assertThat(LEDGER.actions(saleCase.id())).containsExactly("OPPORTUNITY_SUBMITTED",
        "RISK_ASSESSED", "DEAL_REJECTED");
    assertThat(NOTIFICATIONS).singleElement().satisfies(n -> {
      assertThat(n).containsEntry("template", "sale-rejected").containsEntry("users", "sara");
    });
    assertThat((String) variable(instance, "rejectionRationale"))
        .contains("DENIED_PARTY: The customer is on a denied-party list");
  }

  @Test
  void missingInformationGoesBackToTheSubmitterThenTheLowRiskReviewApproves() {
    assessedAs(RiskTier.LOW);
    Map<String, Object> deal = deal();
    deal.put("country", "XX");
    deal.put("intermediaries", " | disclosed");
    deal.put("contractValue", 0);
    ProcessInstance instance = submitted(deal);
    runJobs(instance);

    assertThat(instance).isWaitingAt("Task_CompleteInformation");
    Task task = task(instance);
    assertThat(task).isAssignedTo("sara").hasDueDate(Date.from(NOW.plus(Duration.ofDays(14))));
    assertThat(task.getName()).isEqualTo("Complete the information: SALE-2026-" 
        + businessKey(instance).substring(10));
    assertThat((String) variable(instance, "informationProblems"))
        .contains("country: \"XX\" is not a known ISO 3166-1 country code")
        .contains("intermediaries[0]: the intermediary has no name")
        .contains("contractValue: must be positive");
    assertThat(saleCase(instance).status()).isEqualTo(CaseStatus.INFORMATION_REQUESTED);

    complete(task, "sara", Map.of("country", "FL", "intermediaries", "Reseller Ltd | disclosed",
        "contractValue", 250000, "informationNote", "Corrected"));
    runJobs(instance);

    assertThat(instance).isWaitingAt("Task_ReviewLowRisk");
    Task review = task(instance);
    assertThat(review).hasCandidateGroup("compliance")
        .hasName("Review low-risk sale: Federal Police, Freeland");
    assertThat(saleCase(instance).status()).isEqualTo(CaseStatus.IN_REVIEW);
    complete(review, "carl", Map.of("lowRiskDecision", "APPROVE"));

    legalConfirmsAllClauses(instance, false);
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("Task_ActivateCustomer", "Task_NotifyOutcome",
        "EndEvent_CustomerActivated").hasNotPassed("Task_Vote", "Task_FulfilCondition");
    assertThat(saleCase(instance).status()).isEqualTo(CaseStatus.APPROVED_ACTIVE);
    assertThat(variable(instance, "reassessmentDue")).isEqualTo("2028-03-02");
    assertThat(NOTIFICATIONS).singleElement().satisfies(n -> assertThat(n)
        .containsEntry("template", "sale-approved").containsEntry("users", "sara")
        .containsEntry("groups", "grc-committee,legal,compliance"));
    assertThat(LEDGER.actions(saleCase(instance).id())).containsSubsequence(
        "OPPORTUNITY_SUBMITTED", "INFORMATION_REQUESTED", "INFORMATION_COMPLETED",
        "RISK_ASSESSED", "LOW_RISK_REVIEWED", "CLAUSES_CHECKED", "CUSTOMER_ACTIVATED");
  }

  @Test
  void anApiSubmissionCarriesTheCaseNotTheOpportunityWhichAFormGetsBackToCorrect() {
    assessedAs(RiskTier.LOW);
    // as SaleOpportunityService does: the case holds the opportunity, the process its ids
    SaleCase saleCase = CASES.create("sara", new Opportunity("Federal Police",
        CustomerType.LAW_ENFORCEMENT, "FL", "Forensics Suite 5", CapabilityClass.DEVICE_FORENSICS,
        EndUseCategory.SERIOUS_CRIME, "Extraction of seized phones", List.of(), true,
        new java.math.BigDecimal("250000.00"), "EUR", LocalDate.of(2026, 1, 31)),
        CaseStatus.SUBMITTED);
    ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(
        ProcessKeys.SALE_APPROVAL, saleCase.businessKey(), Map.of("caseId", saleCase.id(),
            "businessKey", saleCase.businessKey(), "submitter", "sara"));
    runJobs(instance);

    // the signing date has passed: the form shows the case's opportunity to correct
    assertThat(instance).isWaitingAt("Task_CompleteInformation");
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .containsEntry("customerAgency", "Federal Police").containsEntry("country", "FL")
        .containsEntry("expectedSigningDate", "2026-01-31");
    complete(task(instance), "sara", Map.of("expectedSigningDate", "2026-07-31"));
    runJobs(instance);

    assertThat(instance).isWaitingAt("Task_ReviewLowRisk");
    assertThat(saleCase(instance).opportunity().expectedSigningDate())
        .isEqualTo(LocalDate.of(2026, 7, 31));
    assertThat(engine.getRuntimeService().getVariables(instance.getId()))
        .doesNotContainKeys(OpportunityVariables.NAMES.toArray(String[]::new))
        .containsKeys("caseId", "businessKey", "dealTitle", "riskTier", "redFlags");
  }

  @Test
  void informationNotCompletedByTheDeadlineWithdrawsTheCase() {
    Map<String, Object> deal = deal();
    deal.remove("customerAgency");
    ProcessInstance instance = submitted(deal);
    runJobs(instance);
    assertThat(instance).isWaitingAt("Task_CompleteInformation");
    Job timer = engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));

    engine.getManagementService().executeJob(timer.getId());
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("BoundaryEvent_InformationDeadlinePassed",
        "Task_WithdrawCase", "EndEvent_CaseWithdrawn");
    assertThat(saleCase(instance).status()).isEqualTo(CaseStatus.WITHDRAWN);
    assertThat(LEDGER.actions(saleCase(instance).id())).contains("CASE_WITHDRAWN");
  }

  @Test
  void complianceRejectsALowRiskDealWithARationale() {
    assessedAs(RiskTier.LOW);
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    Task review = task(instance);

    assertThatThrownBy(() -> complete(review, "carl", Map.of("lowRiskDecision", "REJECT")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("lowRiskRationale");
    complete(review, "carl", Map.of("lowRiskDecision", "REJECT",
        "lowRiskRationale", "End use is vague"));
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_RecordRejection", "Task_NotifyRejection",
        "EndEvent_DealRejected");
    assertThat(saleCase(instance).status()).isEqualTo(CaseStatus.REJECTED);
    assertThat((String) variable(instance, "rejectionRationale")).contains("End use is vague");
  }

  @Test
  void complianceEscalatesALowRiskDealAndTheCommitteeApproves() {
    assessedAs(RiskTier.LOW);
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    complete(task(instance), "carl", Map.of("lowRiskDecision", "ESCALATE",
        "lowRiskRationale", "New customer, unusual intermediary"));
    dossier(instance);
    votes(instance, Map.of("gina", vote("APPROVE", null), "greg", vote("APPROVE", null),
        "grace", vote("APPROVE", null)));
    assertThat(instance).isWaitingAt("Task_ConfirmContractClauses");
    assertThat(variable(instance, "committeeOutcome")).isEqualTo("APPROVED");
    legalConfirmsAllClauses(instance, false);
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("EndEvent_CustomerActivated");
  }

  @Test
  void mediumRiskApprovedWithConditionsNeedsClausesConditionsAndTheAuthority() {
    assessedAs(RiskTier.MEDIUM, new RedFlag("NO_END_USE_STATEMENT", "No end-use statement"));
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    assertThat(instance).isWaitingAt("Task_PrepareDossier");
    assertThat(task(instance)).hasName("Prepare due-diligence dossier: Federal Police, Freeland")
        .hasCandidateGroup("compliance");
    dossier(instance);

    List<Task> voteTasks = engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey("Task_Vote").list();
    assertThat(voteTasks).extracting(Task::getAssignee)
        .containsExactlyInAnyOrder("gina", "greg", "grace");
    assertThat(voteTasks).allSatisfy(t -> {
      assertThat(t.getName()).isEqualTo("Vote on sale: Federal Police, Freeland");
      assertThat(t.getDueDate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(10))));
    });
    assertThat(saleCase(instance).status()).isEqualTo(CaseStatus.WITH_COMMITTEE);
    votes(instance, Map.of(
        "gina", vote("APPROVE_WITH_CONDITIONS", "Quarterly audit", "Quarterly audit report"),
        "greg", vote("APPROVE_WITH_CONDITIONS", "Training", "Human-rights training for operators"),
        "grace", vote("APPROVE", null)));
    assertThat(variable(instance, "committeeOutcome")).isEqualTo("APPROVED_WITH_CONDITIONS");

    // legal: a clause missing, back to sales, then confirmed with an authority to notify
    Task clauses = task(instance);
    assertThat(clauses).hasCandidateGroup("legal");
    complete(clauses, "lena", Map.of("clauseLawfulUse", true, "clauseNoTargeting", false,
        "clauseAuditCooperation", true, "clauseSuspendTerminate", true,
        "exportNotificationRequired", false));
    runJobs(instance);
    assertThat(instance).isWaitingAt("Task_NegotiateClauses");
    Task negotiation = task(instance);
    assertThat(negotiation).isAssignedTo("sara");
    assertThat((String) variable(instance, "missingClauses"))
        .isEqualTo("No targeting of people for exercising their rights");
    complete(negotiation, "sara", Map.of("negotiationNote", "Clause 14.2 added"));
    legalConfirmsAllClauses(instance, true);

    List<Task> conditions = engine.getTaskService().createTaskQuery()
        .processInstanceId(instance.getId()).taskDefinitionKey("Task_FulfilCondition").list();
    assertThat(conditions).hasSize(2);
    assertThat(conditions).allSatisfy(t -> assertThat(t.getDueDate())
        .isEqualTo(Date.from(NOW.plus(Duration.ofDays(30)))));
    for (Task condition : conditions) {
      complete(condition, "carl", Map.of("conditionEvidence", "Signed annex"));
    }
    assertThat(instance).isWaitingAt("Task_RecordAuthorityDecision");
    assertThat(saleCase(instance).status()).isEqualTo(CaseStatus.AWAITING_AUTHORITY);

    // the reminder fires while the authority has not decided
    Job reminder = engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).timers().singleResult();
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));
    engine.getManagementService().executeJob(reminder.getId());
    runJobs(instance);
    assertThat(instance).hasPassed("Task_RemindAuthorityPending", "EndEvent_ReminderSent")
        .isWaitingAt("Task_RecordAuthorityDecision");
    assertThat(NOTIFICATIONS).singleElement().satisfies(n -> assertThat(n)
        .containsEntry("template", "sale-authority-pending").containsEntry("groups", "legal"));

    complete(task(instance), "lena", Map.of("authorityDecision", "GRANTED",
        "authorityReference", "BAFA-2026-123"));
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("EndEvent_CustomerActivated");
    assertThat(variable(instance, "reassessmentDue")).isEqualTo("2027-03-02");
    assertThat(LEDGER.actions(saleCase(instance).id())).contains("VOTE_CAST", "COMMITTEE_TALLIED",
        "CLAUSES_CHECKED", "CLAUSES_RENEGOTIATED", "CONDITION_FULFILLED", "AUTHORITY_DECIDED",
        "CUSTOMER_ACTIVATED");
  }

  @Test
  void theAuthorityRefusesTheExport() {
    assessedAs(RiskTier.LOW);
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    complete(task(instance), "carl", Map.of("lowRiskDecision", "APPROVE"));
    legalConfirmsAllClauses(instance, true);
    complete(task(instance), "lena", Map.of("authorityDecision", "REFUSED",
        "authorityReference", "BAFA-2026-9"));
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("Task_RecordExportRefusal", "EndEvent_ExportRefused")
        .hasNotPassed("Task_ActivateCustomer");
    assertThat(saleCase(instance).status()).isEqualTo(CaseStatus.REJECTED);
  }

  @Test
  void theCommitteeRejects() {
    assessedAs(RiskTier.MEDIUM);
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    dossier(instance);
    votes(instance, Map.of("gina", vote("REJECT", "Record of abuse"),
        "greg", vote("REJECT", "Opaque end use"), "grace", vote("APPROVE", null)));
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("Task_RecordRejection", "EndEvent_DealRejected");
    assertThat((String) variable(instance, "rejectionRationale")).contains("gina: Record of abuse");
  }

  @Test
  void anInvestigationIsCalledThenTheCommitteeVotesASecondRoundWithItsOutcome() {
    assessedAs(RiskTier.MEDIUM);
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    dossier(instance);
    votes(instance, Map.of("gina", vote("REQUEST_INVESTIGATION", "Check the reseller"),
        "greg", vote("REQUEST_INVESTIGATION", "Same"), "grace", vote("APPROVE", null)));
    assertThat(instance).isWaitingAt("CallActivity_PreSaleInvestigation");

    // the called investigation receives the contract's variables, and only those
    ProcessInstance investigation = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).singleResult();
    var called = engine.getRuntimeService().getVariables(investigation.getId());
    assertThat(called).containsEntry("relatedCaseRef", businessKey(instance))
        .containsEntry("investigationOrigin", "COMMITTEE")
        .containsEntry("customerAgency", "Federal Police").containsEntry("country", "FL")
        .containsEntry("submitter", "sara")
        .doesNotContainKeys("caseId", "dossierFindings", "committeeVotes");
    assertThat((String) called.get("allegationSummary"))
        .startsWith("Pre-sale investigation requested by the GRC committee on sale "
            + businessKey(instance) + " (Federal Police, Freeland): ");
    Task stub = engine.getTaskService().createTaskQuery()
        .processInstanceId(investigation.getId()).singleResult();
    engine.getTaskService().complete(stub.getId(), Map.of("investigationOutcome", "NO_MISUSE",
        "investigationSummary", "INV-2026-0001: no misuse found. Reseller is legitimate",
        "investigationId", "inv-1"));
    runJobs(instance);

    assertThat(instance).hasPassed("CallActivity_PreSaleInvestigation");
    assertThat(variable(instance, "votingRound")).isEqualTo(2);
    assertThat(variable(instance, "investigationOutcome")).isEqualTo("NO_MISUSE");
    assertThat(variable(instance, "investigationId")).isEqualTo("inv-1");
    assertThat((String) variable(instance, "investigationSummary")).contains("Reseller is legitimate");
    assertThat(LEDGER.actions(saleCase(instance).id())).containsSubsequence("COMMITTEE_TALLIED",
        "INVESTIGATION_COMPLETED", "COMMITTEE_ROUND_OPENED");
    assertThat(saleCase(instance).status()).isEqualTo(CaseStatus.WITH_COMMITTEE);
    votes(instance, Map.of("gina", vote("APPROVE", null), "greg", vote("APPROVE", null),
        "grace", vote("APPROVE", null)));
    assertThat(instance).isWaitingAt("Task_ConfirmContractClauses");
  }

  @Test
  void aTieGoesToTheChairWhoRejects() {
    assessedAs(RiskTier.MEDIUM);
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    dossier(instance);
    votes(instance, Map.of("gina", vote("APPROVE", null), "greg", vote("REJECT", "No"),
        "grace", conflicted()));
    assertThat(instance).isWaitingAt("Task_ChairDeliberation");
    assertThat(variable(instance, "committeeOutcomeReason").toString()).startsWith("Tie");
    Task chair = task(instance);
    assertThat(chair).isAssignedTo("grace");
    assertThatThrownBy(() -> complete(chair, "grace", Map.of("chairDecision", "REJECT")))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("chairRationale");
    complete(chair, "grace", Map.of("chairDecision", "REJECT", "chairRationale", "Too risky"));
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("Task_RecordRejection", "EndEvent_DealRejected");
    assertThat(LEDGER.actions(saleCase(instance).id())).contains("VOTE_EXCLUDED_CONFLICT",
        "CHAIR_DECIDED");
  }

  @Test
  void highRiskWithOneRejectGoesToTheChairWhoApprovesWithConditions() {
    assessedAs(RiskTier.HIGH, new RedFlag("DOCUMENTED_ABUSE", "Documented abuse"));
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    dossier(instance);
    votes(instance, Map.of("gina", vote("APPROVE", null), "greg", vote("APPROVE", null),
        "grace", vote("REJECT", "Abuse record")));
    assertThat(instance).isWaitingAt("Task_ChairDeliberation");
    complete(task(instance), "grace", Map.of("chairDecision", "APPROVE_WITH_CONDITIONS",
        "chairRationale", "Acceptable with monitoring", "chairConditions", "Monthly monitoring"));
    legalConfirmsAllClauses(instance, false);
    complete(task(instance), "carl", Map.of("conditionEvidence", "Monitoring plan signed"));
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("Task_FulfilCondition", "EndEvent_CustomerActivated");
    assertThat(variable(instance, "reassessmentDue")).isEqualTo("2026-09-02");
  }

  @Test
  void theDecisionDeadlineEscalatesToTheChair() {
    assessedAs(RiskTier.MEDIUM);
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    dossier(instance);
    Task gina = voteTask(instance, "gina");
    complete(gina, "gina", Map.of("vote", "APPROVE"));
    Job deadline = engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).timers().singleResult();
    assertThat(deadline.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(10))));
    engine.getManagementService().executeJob(deadline.getId());

    assertThat(instance).hasPassed("BoundaryEvent_DecisionDeadlinePassed")
        .isWaitingAt("Task_ChairDeliberation");
    assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_Vote").count()).isZero();
    complete(task(instance), "grace", Map.of("chairDecision", "APPROVE",
        "chairRationale", "Two members did not vote; the dossier is clear"));
    assertThat(instance).isWaitingAt("Task_ConfirmContractClauses");
  }

  // ---- segregation of duties and vote validation ----------------------------------------------

  @Test
  void theSubmitterCannotTakeOrCompleteTheReviewOfTheirOwnCase() {
    assessedAs(RiskTier.LOW);
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    Task review = task(instance);
    String key = businessKey(instance);

    assertThatThrownBy(() -> engine.getTaskService().claim(review.getId(), "sara"))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("Segregation of duties: sara submitted " + key
            + " and cannot be assigned its compliance review");
    assertThatThrownBy(() -> complete(review, "sara", Map.of("lowRiskDecision", "APPROVE")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("Segregation of duties: sara submitted " + key
            + " and cannot complete its compliance review");
    assertThat(instance).isWaitingAt("Task_ReviewLowRisk");
    assertThat(task(instance).getAssignee()).isNull();
  }

  @Test
  void aVoteOtherThanApproveNeedsARationale() {
    assessedAs(RiskTier.MEDIUM);
    ProcessInstance instance = submitted(deal());
    runJobs(instance);
    dossier(instance);
    Task greg = voteTask(instance, "greg");
    assertThatThrownBy(() -> complete(greg, "greg", Map.of("vote", "REJECT")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("rationale: a rationale is required");
    assertThatThrownBy(() -> complete(greg, "greg", Map.of("conflictOfInterest", false)))
        .hasRootCauseInstanceOf(BadUserRequestException.class).hasMessageContaining("vote: choose one of");
    assertThatThrownBy(() -> complete(greg, "gina", Map.of("vote", "APPROVE")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("Only greg can complete \"Vote on sale: Federal Police, Freeland\"");
    assertThat(voteTask(instance, "greg")).isNotNull();
  }

  // ---- helpers -------------------------------------------------------------------------------

  static Map<String, Object> deal() {
    Map<String, Object> deal = new HashMap<>();
    deal.put("customerAgency", "Federal Police");
    deal.put("customerType", "LAW_ENFORCEMENT");
    deal.put("country", "FL");
    deal.put("product", "Forensics Suite 5");
    deal.put("capabilityClass", "DEVICE_FORENSICS");
    deal.put("endUseCategory", "SERIOUS_CRIME");
    deal.put("intendedEndUse", "Extraction of seized phones in organised-crime cases");
    deal.put("intermediaries", "Reseller Ltd | disclosed");
    deal.put("endUseStatementAttached", true);
    deal.put("contractValue", 250000);
    deal.put("currency", "EUR");
    deal.put("expectedSigningDate", "2026-06-30");
    return deal;
  }

  private void assessedAs(RiskTier tier, RedFlag... flags) {
    when(RISK.assess(any())).thenReturn(new RiskAssessment(tier, List.of(flags),
        List.of(new ExplainedFactor("freedomScore", "Freedom House score", "85",
            "Freedom House, Freedom in the World", "2026", LocalDate.of(2026, 1, 1),
            "no effect")),
        List.of(), List.of(), "Tier " + tier, null, NOW));
  }

  /** As Tasklist's "Start process" does: sara submits the start form. */
  private ProcessInstance submitted(Map<String, Object> deal) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.SALE_APPROVAL).latestVersion().singleResult().getId();
    engine.getIdentityService().setAuthenticatedUserId("sara");
    try {
      return engine.getFormService().submitStartForm(definitionId, deal);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private void runJobs(ProcessInstance instance) {
    for (int i = 0; i < 50; i++) {
      List<Job> jobs = engine.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).executable().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    engine.getIdentityService().setAuthenticatedUserId(user);
    try {
      engine.getFormService().submitTaskForm(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .singleResult();
  }

  private Task voteTask(ProcessInstance instance, String member) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_Vote").taskAssignee(member).singleResult();
  }

  private void dossier(ProcessInstance instance) {
    runJobs(instance);
    complete(task(instance), "carl", Map.of("dossierFindings", "No abuse linked to the agency",
        "dossierSources", "Citizen Lab, Freedom House 2026", "proposedConditions", ""));
    runJobs(instance);
  }

  private void votes(ProcessInstance instance, Map<String, Map<String, Object>> votes) {
    votes.forEach((member, vote) -> complete(voteTask(instance, member), member, vote));
    runJobs(instance);
  }

  private static Map<String, Object> vote(String vote, String rationale) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("conflictOfInterest", false);
    variables.put("vote", vote);
    variables.put("rationale", rationale);
    return variables;
  }

  private static Map<String, Object> vote(String vote, String rationale, String conditions) {
    Map<String, Object> variables = vote(vote, rationale);
    variables.put("voteConditions", conditions);
    return variables;
  }

  private static Map<String, Object> conflicted() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("conflictOfInterest", true);
    return variables;
  }

  private void legalConfirmsAllClauses(ProcessInstance instance, boolean export) {
    runJobs(instance);
    Map<String, Object> variables = new HashMap<>(Map.of("clauseLawfulUse", true,
        "clauseNoTargeting", true, "clauseAuditCooperation", true,
        "clauseSuspendTerminate", true, "exportNotificationRequired", export));
    if (export) {
      variables.put("authorityName", "BAFA");
    }
    complete(task(instance), "lena", variables);
    runJobs(instance);
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).singleResult().getValue();
  }

  private String businessKey(ProcessInstance instance) {
    return (String) variable(instance, "businessKey");
  }

  private SaleCase saleCase(ProcessInstance instance) {
    return CASES.find((String) variable(instance, "caseId")).orElseThrow();
  }
}
