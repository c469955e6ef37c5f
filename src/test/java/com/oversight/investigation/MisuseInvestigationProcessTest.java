package com.oversight.investigation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.oversight.audit.AuditLedger;
import com.oversight.audit.JdbcAuditLedger;
import com.oversight.identity.CaseExclusionListener;
import com.oversight.identity.CaseExclusions;
import com.oversight.platform.ProcessKeys;
import com.oversight.referencedata.ReferenceData;
import com.oversight.sales.CustomerStatusChanges;
import com.oversight.sales.JdbcCustomers;
import com.oversight.testing.InMemoryEngines;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * MisuseInvestigationProcess as deployed from processes/, on an in-memory engine configured in
 * code, with the real delegates, listeners, InvestigationService, case exclusions and decision
 * ledger over Oversight's own tables (Flyway migrations on an in-memory H2), and a recording
 * stand-in for the notification delegate. Every path, both timers, every refusal; the coverage
 * report (target/process-test-coverage/) must show every flow node and sequence flow.
 */
@Deployment(resources = {
    "processes/misuse-investigation.bpmn",
    "processes/open-investigation.form",
    "processes/plan-investigation.form",
    "processes/gather-evidence.form",
    "processes/record-customer-response.form",
    "processes/decide-investigation-outcome.form",
    "processes/confirm-mitigations.form"})
class MisuseInvestigationProcessTest {

  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final JdbcTemplate JDBC = database();
  static final AuditLedger LEDGER = new JdbcAuditLedger(JDBC, CLOCK);
  static final List<Map<String, Object>> NOTIFICATIONS = new ArrayList<>();
  static final Map<Object, Object> BEANS = new HashMap<>();

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
      .builder(engineConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  private ProcessEngine engine;

  static JdbcTemplate database() {
    return InMemoryEngines.migratedDatabase("investigation-data");
  }

  static ProcessEngineConfiguration engineConfiguration() {
    JavaDelegate notifications = InMemoryEngines.recordingNotifications(NOTIFICATIONS);
    BEANS.put("investigationSettings", InvestigationSettings.defaults());
    BEANS.put("sendNotificationDelegate", notifications);
    BEANS.put("investigationDutiesListener", new InvestigationDutiesListener());
    return InMemoryEngines.configuration("misuse-investigation-test", BEANS);
  }

  /** The beans that need the engine's services (case exclusions) join once the engine runs. */
  private void engineBeans() {
    if (BEANS.containsKey("investigationService")) {
      return;
    }
    ReferenceData referenceData = mock(ReferenceData.class);
    when(referenceData.findCountry("FL")).thenReturn(
        Optional.of(new ReferenceData.Country("FL", "FLD", "Freeland")));
    CaseExclusions exclusions = new CaseExclusions(JDBC, engine.getAuthorizationService(),
        engine.getTaskService(), engine.getRuntimeService(), CLOCK);
    InvestigationService service = new InvestigationService(new InvestigationRecords(JDBC, CLOCK),
        new JdbcCustomers(JDBC), LEDGER, exclusions, referenceData,
        new CustomerStatusChanges(new JdbcCustomers(JDBC), LEDGER, CLOCK));
    BEANS.put("caseExclusions", exclusions);
    BEANS.put("investigationService", service);
    BEANS.put("caseExclusionListener", new CaseExclusionListener(exclusions));
    BEANS.put("investigationStartListener", new InvestigationStartListener(service));
    BEANS.put("investigationRecordListener", new InvestigationRecordListener(service));
    BEANS.put("openInvestigationDelegate", new OpenInvestigationDelegate(service));
    BEANS.put("recordDeclaredConflictDelegate", new RecordDeclaredConflictDelegate(service));
    BEANS.put("recordInformationRequestDelegate", new RecordInformationRequestDelegate(service,
        InvestigationSettings.defaults()));
    BEANS.put("recordNoResponseDelegate", new RecordNoResponseDelegate(service));
    BEANS.put("updateCustomerStatusDelegate", new UpdateCustomerStatusDelegate(service));
    BEANS.put("closeInvestigationDelegate", new CloseInvestigationDelegate(service));
  }

  @BeforeEach
  void setUp() {
    NOTIFICATIONS.clear();
    ClockUtil.setCurrentTime(Date.from(NOW));
    engine = ENGINE.getProcessEngine();
    BpmnAwareTests.init(engine);
    engineBeans();
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  // ---- paths -------------------------------------------------------------------------------

  @Test
  void anExternalReportOnAnActiveCustomerEndsInSuspension() {
    String customerId = customer("Federal Police", "FL", "ACTIVE");
    ProcessInstance instance = started("carl", externalReport(customerId));
    runJobs(instance);

    String reference = instance(instance).getBusinessKey();
    assertThat(reference).matches("INV-2026-\\d{4}");
    assertThat(variable(instance, "caseRef")).isEqualTo(reference);
    assertThat(variable(instance, "investigationTitle")).isEqualTo("Federal Police, Freeland");
    assertThat(variable(instance, "customerStatus")).isEqualTo("ACTIVE");
    assertThat(variable(instance, "initiator")).isEqualTo("carl");
    Task plan = task(instance);
    assertThat(plan).hasCandidateGroup("investigators")
        .hasName("Plan investigation: Federal Police, Freeland")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(7))));

    // ivan declares a conflict: excluded, the plan goes back to the other investigators
    complete(plan, "ivan", Map.of("conflictOfInterest", true));
    runJobs(instance);
    assertThat(instance).hasPassed("Task_ExcludeConflictedInvestigator")
        .isWaitingAt("Task_PlanInvestigation");
    Task replan = task(instance);
    assertThatThrownBy(() -> engine.getTaskService().claim(replan.getId(), "ivan"))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("Conflict of interest: ivan is excluded from " + reference
            + " and takes no part in it");
    assertThatThrownBy(() -> complete(replan, "iris", Map.of("conflictOfInterest", false)))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("investigationPlan: the investigation plan is required");
    complete(replan, "iris", Map.of("conflictOfInterest", false,
        "investigationPlan", "Interview the source; ask the customer for its audit logs"));
    runJobs(instance);

    // iris leads: she asks the customer, only she records the evidence
    Task evidence = task(instance);
    assertThat(evidence).isAssignedTo("iris").hasName("Gather evidence: Federal Police, Freeland")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(30))));
    assertThat(variable(instance, "leadInvestigator")).isEqualTo("iris");
    assertThatThrownBy(() -> complete(evidence, "ivan", Map.of(
        "investigationNextStep", "REPORT_FINDINGS")))
        .hasRootCauseInstanceOf(BadUserRequestException.class);
    assertThatThrownBy(() -> complete(evidence, "iris", Map.of(
        "investigationNextStep", "REQUEST_INFORMATION")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("informationRequest: say what the customer is asked");
    complete(evidence, "iris", Map.of("evidenceNote", "Source credible; two devices examined",
        "investigationNextStep", "REQUEST_INFORMATION",
        "informationRequest", "Audit logs of the deployment, March 2026"));
    runJobs(instance);

    assertThat(instance).isWaitingAt("Task_AwaitCustomerResponse");
    Task response = task(instance);
    assertThat(response).isAssignedTo("iris")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(30))));
    assertThat(variable(instance, "informationRequest"))
        .isEqualTo("Audit logs of the deployment, March 2026");

    // a reminder while the customer has not answered; the task stays
    Job reminder = timer(instance, "BoundaryEvent_ResponseReminder");
    assertThat(reminder.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(7))));
    assertThat(timer(instance, "BoundaryEvent_ResponseDeadlinePassed").getDuedate())
        .isEqualTo(Date.from(NOW.plus(Duration.ofDays(30))));
    engine.getManagementService().executeJob(reminder.getId());
    runJobs(instance);
    assertThat(instance).hasPassed("Task_RemindLeadInvestigator", "EndEvent_ReminderSent")
        .isWaitingAt("Task_AwaitCustomerResponse");
    assertThat(NOTIFICATIONS).singleElement().satisfies(n -> assertThat(n)
        .containsEntry("template", "investigation-response-reminder")
        .containsEntry("users", "iris").containsEntry("businessKey", reference));

    complete(task(instance), "iris", Map.of("customerResponse", "Logs sent, incomplete"));
    runJobs(instance);
    complete(task(instance), "iris", Map.of("investigationNextStep", "REPORT_FINDINGS",
        "findingsSummary", "Targeting of a journalist confirmed by the lab",
        "recommendedOutcome", "SUSPENSION"));
    runJobs(instance);

    // the committee: not the lead investigator; gina declares a conflict; greg decides
    Task decision = task(instance);
    assertThat(decision).hasCandidateGroup("grc-committee")
        .hasName("Decide investigation outcome: Federal Police, Freeland")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(14))));
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(decision.getId(), "iris"))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("Segregation of duties: iris leads " + reference
            + " and cannot decide its outcome");
    assertThatThrownBy(() -> complete(decision, "iris", Map.of("investigationOutcome",
        "NO_MISUSE", "outcomeRationale", "Mine")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("Segregation of duties: iris leads " + reference
            + " and cannot decide its outcome");
    complete(decision, "gina", Map.of("conflictOfInterest", true));
    runJobs(instance);
    assertThat(instance).hasPassed("Task_ExcludeConflictedMember")
        .isWaitingAt("Task_DecideOutcome");
    Task redecision = task(instance);
    assertThatThrownBy(() -> complete(redecision, "gina", Map.of("investigationOutcome",
        "NO_MISUSE", "outcomeRationale", "x")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("Conflict of interest: gina is excluded from " + reference
            + " and takes no part in it");
    assertThatThrownBy(() -> complete(redecision, "greg", Map.of(
        "investigationOutcome", "SUSPENSION")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("outcomeRationale: the committee's rationale is required");
    complete(redecision, "greg", Map.of("investigationOutcome", "SUSPENSION",
        "outcomeRationale", "Use against a journalist, in breach of clause 2"));
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_UpdateCustomerStatus",
        "Task_NotifyCustomerStatus", "Task_CloseInvestigation", "EndEvent_InvestigationClosed")
        .hasNotPassed("Task_ConfirmMitigations");
    Map<String, Object> row = JDBC.queryForMap(
        "SELECT status, status_reason, status_investigation_ref FROM ov_customer WHERE id = ?",
        customerId);
    assertThat(row.get("STATUS")).isEqualTo("SUSPENDED");
    assertThat((String) row.get("STATUS_REASON")).isEqualTo(reference
        + ": customer suspended by the GRC committee. Use against a journalist, in breach of "
        + "clause 2");
    assertThat(row.get("STATUS_INVESTIGATION_REF")).isEqualTo(reference);
    assertThat(NOTIFICATIONS).last().satisfies(n -> assertThat(n)
        .containsEntry("template", "investigation-customer-status")
        .containsEntry("groups", "legal,sales"));
    assertThat(variable(instance, "investigationOutcome")).isEqualTo("SUSPENSION");
    assertThat(variable(instance, "customerStatus")).isEqualTo("SUSPENDED");
    assertThat((String) variable(instance, "investigationSummary")).startsWith(reference
        + ": customer suspended. Findings: Targeting of a journalist confirmed by the lab");
    String id = (String) variable(instance, "investigationId");
    assertThat(actions(id)).containsExactly("INVESTIGATION_OPENED", "CONFLICT_DECLARED",
        "INVESTIGATION_PLANNED", "EVIDENCE_RECORDED", "INFORMATION_REQUESTED",
        "CUSTOMER_RESPONDED", "FINDINGS_REPORTED", "CONFLICT_DECLARED", "OUTCOME_DECIDED",
        "CUSTOMER_SUSPENDED", "INVESTIGATION_CLOSED");
    assertThat(LEDGER.entries(id).get(8).actor()).isEqualTo("greg");
    assertThat(LEDGER.verify().intact()).isTrue();
    // the records stay in the investigation's tables, not in the process
    assertThat(JDBC.queryForList("SELECT kind FROM ov_investigation_note WHERE "
        + "investigation_id = ? ORDER BY recorded_at, kind", String.class, id))
        .containsExactlyInAnyOrder("EVIDENCE", "INFORMATION_REQUEST", "CUSTOMER_RESPONSE");
    assertThat(JDBC.queryForObject("SELECT investigation_plan FROM ov_investigation WHERE id = ?",
        String.class, id)).startsWith("Interview the source");
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName("investigationPlan")
        .list()).allSatisfy(v -> assertThat(v.getActivityInstanceId())
            .isNotEqualTo(instance.getId()));
  }

  @Test
  void aGrievanceWithoutCustomerWhoseCustomerNeverAnswersEndsWithInsufficientInformation() {
    // the grievance side excluded greg (named in the report) before calling
    new CaseExclusions(JDBC, engine.getAuthorizationService(), engine.getTaskService(),
        engine.getRuntimeService(), CLOCK).exclude("GR-2026-0042", "greg",
        CaseExclusions.Reason.NAMED_IN_REPORT, "ivan");
    Map<String, Object> call = new HashMap<>();
    call.put("relatedCaseRef", "GR-2026-0042");
    call.put("grievanceId", "g-42");
    call.put("investigationOrigin", "GRIEVANCE");
    call.put("country", null);
    call.put("customerAgency", null);
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey(ProcessKeys.MISUSE_INVESTIGATION, call);
    runJobs(instance);

    assertThat(variable(instance, "customerKnown")).isEqualTo(false);
    assertThat(variable(instance, "customerStatus")).isEqualTo("NONE");
    assertThat(task(instance)).hasName("Plan investigation: customer not identified");
    complete(task(instance), "ivan", Map.of("investigationPlan", "Identify the agency"));
    runJobs(instance);
    complete(task(instance), "ivan", Map.of("investigationNextStep", "REQUEST_INFORMATION",
        "informationRequest", "Did your agency operate the product in March?"));
    runJobs(instance);

    Job deadline = timer(instance, "BoundaryEvent_ResponseDeadlinePassed");
    engine.getManagementService().executeJob(deadline.getId());
    runJobs(instance);
    assertThat(instance).hasPassed("BoundaryEvent_ResponseDeadlinePassed",
        "Task_RecordNoResponse").isWaitingAt("Task_GatherEvidence");
    assertThat((String) variable(instance, "informationRequestStatus"))
        .contains("did not answer");
    assertThat(JDBC.queryForObject("SELECT status FROM ov_information_request WHERE id = ?",
        String.class, variable(instance, "informationRequestId"))).isEqualTo("UNANSWERED");

    complete(task(instance), "ivan", Map.of("investigationNextStep", "REPORT_FINDINGS",
        "findingsSummary", "No answer; the agency could not be identified",
        "recommendedOutcome", "INSUFFICIENT_INFORMATION"));
    runJobs(instance);
    Task decision = task(instance);
    String reference = instance(instance).getBusinessKey();
    assertThatThrownBy(() -> complete(decision, "greg", Map.of(
        "investigationOutcome", "NO_MISUSE", "outcomeRationale", "x")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("Conflict of interest: greg is excluded from " + reference
            + " and takes no part in it");
    assertThatThrownBy(() -> complete(decision, "grace", Map.of(
        "investigationOutcome", "SUSPENSION", "outcomeRationale", "Suspend them")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("investigationOutcome: SUSPENSION needs a customer");
    complete(decision, "grace", Map.of("investigationOutcome", "INSUFFICIENT_INFORMATION",
        "outcomeRationale", "The customer could not be identified"));
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_CloseInvestigation")
        .hasNotPassed("Task_UpdateCustomerStatus", "Task_ConfirmMitigations");
    assertThat(variable(instance, "investigationOutcome")).isEqualTo("INSUFFICIENT_INFORMATION");
    assertThat((String) variable(instance, "investigationSummary"))
        .startsWith(reference + ": insufficient information.");
    assertThat(JDBC.queryForObject("SELECT grievance_id FROM ov_investigation WHERE reference = ?",
        String.class, reference)).isEqualTo("g-42");
  }

  @Test
  void theCommitteeOpensOneOnAnActiveCustomerAndRequiresMitigations() {
    customer("Border Guard", "FL", "ACTIVE");
    ProcessInstance instance = started("gina", Map.of("investigationOrigin", "COMMITTEE",
        "customerAgency", " border guard ", "country", "fl"));
    runJobs(instance);
    assertThat(variable(instance, "investigationTitle")).isEqualTo("Border Guard, Freeland");
    assertThat(variable(instance, "customerKnown")).isEqualTo(true);
    complete(task(instance), "ivan", Map.of("investigationPlan", "Review the usage logs"));
    runJobs(instance);
    complete(task(instance), "ivan", Map.of("investigationNextStep", "REPORT_FINDINGS",
        "findingsSummary", "Weak access controls", "recommendedOutcome",
        "MITIGATIONS_REQUIRED"));
    runJobs(instance);
    Task decision = task(instance);
    assertThatThrownBy(() -> complete(decision, "greg", Map.of(
        "investigationOutcome", "MITIGATIONS_REQUIRED", "outcomeRationale", "Controls")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("mitigations: name the mitigations required");
    complete(decision, "greg", Map.of("investigationOutcome", "MITIGATIONS_REQUIRED",
        "outcomeRationale", "Controls are weak", "mitigations", "Two-person rule on targeting"));
    runJobs(instance);

    Task mitigations = task(instance);
    assertThat(mitigations).hasCandidateGroup("compliance")
        .hasName("Confirm mitigations: Border Guard, Freeland")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(30))));
    complete(mitigations, "carl", Map.of("mitigationsNote", "Annex 3 signed, audited"));
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("Task_ConfirmMitigations",
        "EndEvent_InvestigationClosed").hasNotPassed("Task_UpdateCustomerStatus");
    assertThat(actions((String) variable(instance, "investigationId")))
        .contains("MITIGATIONS_CONFIRMED", "INVESTIGATION_CLOSED");
  }

  @Test
  void aPreSaleInvestigationOfAProspectKeepsTheSubmitterOutAndCannotTerminate() {
    Map<String, Object> call = new HashMap<>();
    call.put("relatedCaseRef", "SALE-2026-0099");
    call.put("investigationOrigin", "COMMITTEE");
    call.put("customerAgency", "New Agency");
    call.put("country", "FL");
    call.put("submitter", "sara");
    call.put("allegationSummary", "Pre-sale investigation requested by the GRC committee");
    ProcessInstance instance = engine.getRuntimeService()
        .startProcessInstanceByKey(ProcessKeys.MISUSE_INVESTIGATION, call);
    runJobs(instance);
    Task plan = task(instance);
    assertThat(plan).hasName("Plan investigation: New Agency, Freeland");
    assertThatThrownBy(() -> engine.getTaskService().claim(plan.getId(), "sara"))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("Segregation of duties: sara submitted SALE-2026-0099 and takes "
            + "no part in its investigation " + instance(instance).getBusinessKey());
    complete(plan, "ivan", Map.of("investigationPlan", "Check the agency's record"));
    runJobs(instance);
    complete(task(instance), "ivan", Map.of("investigationNextStep", "REPORT_FINDINGS",
        "findingsSummary", "Nothing adverse", "recommendedOutcome", "NO_MISUSE"));
    runJobs(instance);
    assertThatThrownBy(() -> complete(task(instance), "grace", Map.of(
        "investigationOutcome", "TERMINATION", "outcomeRationale", "x")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("TERMINATION needs a customer");
    complete(task(instance), "grace", Map.of("investigationOutcome", "NO_MISUSE",
        "outcomeRationale", "Findings are clear"));
    runJobs(instance);
    assertThat(instance).isEnded();
    assertThat(variable(instance, "investigationOutcome")).isEqualTo("NO_MISUSE");
  }

  // ---- start checks -----------------------------------------------------------------------

  @Test
  void badStartsAreRefusedAndNoInvestigationIsCreated() {
    long before = JDBC.queryForObject("SELECT COUNT(*) FROM ov_investigation", Long.class);
    Map<String, Object> noSource = externalReport(customer("Army", "FL", "ACTIVE"));
    noSource.remove("sourceName");
    assertThatThrownBy(() -> started("carl", noSource))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("sourceName: name the source of the report");
    Map<String, Object> unknown = externalReport("no-such-customer");
    assertThatThrownBy(() -> started("carl", unknown))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("customerId: no customer \"no-such-customer\"");
    Map<String, Object> noCustomer = externalReport(null);
    noCustomer.remove("customerId");
    assertThatThrownBy(() -> started("carl", noCustomer))
        .hasMessageContaining("customerAgency: name the customer agency and its country");
    String suspended = customer("Navy", "FL", "SUSPENDED");
    assertThatThrownBy(() -> started("gina", Map.of("investigationOrigin", "COMMITTEE",
        "customerId", suspended)))
        .hasMessageContaining("customerId: the customer Navy is SUSPENDED, not ACTIVE");
    assertThatThrownBy(() -> started("gina", Map.of("investigationOrigin", "COMMITTEE")))
        .hasMessageContaining("customerId: the committee opens an investigation on a customer");
    assertThatThrownBy(() -> started("gina", Map.of("investigationOrigin", "BOARD")))
        .hasMessageContaining("investigationOrigin: choose one of");
    assertThat(JDBC.queryForObject("SELECT COUNT(*) FROM ov_investigation", Long.class))
        .isEqualTo(before);
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().count()).isZero();
  }

  // ---- helpers -------------------------------------------------------------------------------

  static Map<String, Object> externalReport(String customerId) {
    Map<String, Object> report = new HashMap<>();
    report.put("investigationOrigin", "EXTERNAL_REPORT");
    report.put("sourceType", "FORENSIC_LAB");
    report.put("sourceName", "Citizen Lab");
    report.put("sourceLink", "https://citizenlab.ca/example");
    report.put("customerId", customerId);
    report.put("allegationSummary", "Spyware found on a journalist's phone, March 2026");
    return report;
  }

  /** An ov_customer (with the sale case it came from) in the given status; returns its id. */
  static String customer(String agency, String country, String status) {
    String saleCaseId = UUID.randomUUID().toString();
    String customerId = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(NOW);
    JDBC.update("INSERT INTO ov_sale_case (id, business_key, submitter, customer_agency, country, "
        + "intermediaries, status, created_at, updated_at) VALUES (?, ?, 'sara', ?, ?, '[]', "
        + "'APPROVED_ACTIVE', ?, ?)", saleCaseId, "SALE-T-" + saleCaseId.substring(0, 8), agency,
        country, now, now);
    JDBC.update("INSERT INTO ov_customer (id, agency, country, customer_type, status, risk_tier, "
        + "activated_at, reassessment_due, sale_case_id) VALUES (?, ?, ?, 'LAW_ENFORCEMENT', ?, "
        + "'MEDIUM', ?, DATE '2027-03-02', ?)", customerId, agency, country, status, now,
        saleCaseId);
    return customerId;
  }

  /** As Tasklist's "Start process" does: the user submits the start form. */
  private ProcessInstance started(String user, Map<String, Object> variables) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.MISUSE_INVESTIGATION).latestVersion().singleResult()
        .getId();
    engine.getIdentityService().setAuthenticatedUserId(user);
    try {
      return engine.getFormService().submitStartForm(definitionId, variables);
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

  private Job timer(ProcessInstance instance, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().activityId(activityId).singleResult();
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

  private org.camunda.bpm.engine.history.HistoricProcessInstance instance(ProcessInstance p) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(p.getId()).singleResult();
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).list().stream()
        .filter(v -> v.getActivityInstanceId().equals(instance.getId())
            || v.getActivityInstanceId().startsWith("Process"))
        .findFirst().orElseThrow(() -> new AssertionError("No variable " + name)).getValue();
  }

  private static List<String> actions(String investigationId) {
    return LEDGER.entries(investigationId).stream().map(AuditLedger.LedgerEntry::action).toList();
  }
}
