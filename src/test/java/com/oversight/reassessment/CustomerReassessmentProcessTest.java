package com.oversight.reassessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.oversight.audit.AuditLedger;
import com.oversight.audit.JdbcAuditLedger;
import com.oversight.identity.CaseExclusionListener;
import com.oversight.identity.CaseExclusions;
import com.oversight.referencedata.ReferenceData;
import com.oversight.risk.RedFlag;
import com.oversight.risk.RiskAssessment;
import com.oversight.risk.RiskAssessmentService;
import com.oversight.risk.RiskTier;
import com.oversight.sales.CustomerStatusChanges;
import com.oversight.sales.JdbcCustomers;
import com.oversight.sales.JdbcSaleCases;
import com.oversight.sales.SaleSettings;
import com.oversight.testing.InMemoryEngines;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
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
 * CustomerReassessmentProcess as deployed from processes/, on an in-memory engine configured in
 * code, with the real delegates, listeners, ReassessmentService and starter, case exclusions,
 * customer-status changes and decision ledger over Oversight's own tables (Flyway on an in-memory
 * H2), a mocked risk engine (the tier and red flags each test needs) and a recording stand-in for
 * the notification delegate. Every path, both escalation timers, every refusal; the coverage
 * report (target/process-test-coverage/) must show every flow node and sequence flow.
 */
@Deployment(resources = {
    "processes/customer-reassessment.bpmn",
    "processes/review-reassessment.form",
    "processes/decide-reassessment.form"})
class CustomerReassessmentProcessTest {

  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final JdbcTemplate JDBC = database();
  static final AuditLedger LEDGER = new JdbcAuditLedger(JDBC, CLOCK);
  static final List<Map<String, Object>> NOTIFICATIONS = new ArrayList<>();
  static final Map<Object, Object> BEANS = new HashMap<>();
  static final RiskAssessmentService RISK = mock(RiskAssessmentService.class);

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
      .builder(engineConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  private ProcessEngine engine;
  private ReassessmentStarter starter;

  static JdbcTemplate database() {
    return InMemoryEngines.migratedDatabase("reassessment-data");
  }

  static ProcessEngineConfiguration engineConfiguration() {
    JavaDelegate notifications = InMemoryEngines.recordingNotifications(NOTIFICATIONS);
    BEANS.put("reassessmentSettings", ReassessmentSettings.defaults());
    BEANS.put("sendNotificationDelegate", notifications);
    BEANS.put("reassessmentDutiesListener", new ReassessmentDutiesListener());
    return InMemoryEngines.configuration("customer-reassessment-test", BEANS);
  }

  /** The beans that need the engine's services join once the engine runs. */
  private void engineBeans() {
    if (BEANS.containsKey("reassessmentService")) {
      starter = (ReassessmentStarter) BEANS.get("reassessmentStarter");
      return;
    }
    ReferenceData referenceData = mock(ReferenceData.class);
    when(referenceData.findCountry("FL")).thenReturn(
        Optional.of(new ReferenceData.Country("FL", "FLD", "Freeland")));
    CaseExclusions exclusions = new CaseExclusions(JDBC, engine.getAuthorizationService(),
        engine.getTaskService(), engine.getRuntimeService(), CLOCK);
    JdbcCustomers customers = new JdbcCustomers(JDBC);
    ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    ReassessmentRecords records = new ReassessmentRecords(JDBC, CLOCK);
    ReassessmentService service = new ReassessmentService(records, customers,
        new CustomerStatusChanges(customers, LEDGER, CLOCK), new JdbcSaleCases(JDBC, json, CLOCK),
        SaleSettings.defaults(), RISK, referenceData, exclusions, LEDGER, json,
        engine.getRuntimeService());
    starter = new ReassessmentStarter(records, service, engine.getRuntimeService());
    BEANS.put("reassessmentService", service);
    BEANS.put("reassessmentStarter", starter);
    BEANS.put("caseExclusionListener", new CaseExclusionListener(exclusions));
    BEANS.put("reassessmentStartListener", new ReassessmentStartListener(service));
    BEANS.put("rescoreCustomerDelegate", new RescoreCustomerDelegate(service));
    BEANS.put("reassessmentRecordListener", new ReassessmentRecordListener(service));
    BEANS.put("recordReassessmentConflictDelegate",
        new RecordReassessmentConflictDelegate(service));
    BEANS.put("applyReassessmentDecisionDelegate", new ApplyReassessmentDecisionDelegate(service));
    BEANS.put("scheduleNextReassessmentDelegate", new ScheduleNextReassessmentDelegate(service));
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
  void anUnchangedPictureKeepsTheCustomerActiveAndSchedulesTheNextByTier() {
    String customerId = customer("Federal Police", "MEDIUM",
        "CUSTOMER_TYPE_INTELLIGENCE: an intelligence service");
    scored(RiskTier.MEDIUM, "CUSTOMER_TYPE_INTELLIGENCE");
    ReassessmentStarter.Outcome outcome = starter.start(customerId, ReassessmentTrigger.SCHEDULE,
        "Re-assessment due on 2026-03-01", null);
    assertThat(outcome.started()).isTrue();
    ProcessInstance instance = instance(outcome);
    String sale = saleKey(customerId);
    assertThat(instance.getBusinessKey()).isEqualTo("RA-" + sale + "-20260302");
    assertThat(instance).isWaitingAt("Task_RescoreCustomer");
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_RescoreCustomer",
        "Task_ScheduleNextReassessment", "EndEvent_ReassessmentClosed")
        .hasNotPassed("Task_ReviewReassessment");
    assertThat(variable(instance, "reviewRequired")).isEqualTo(false);
    assertThat(variable(instance, "reviewReason")).isEqualTo("The tier stays MEDIUM and no new "
        + "red flag was raised: the relationship continues");
    assertThat(variable(instance, "reassessmentDue")).isEqualTo("2027-03-02");
    Map<String, Object> row = JDBC.queryForMap("SELECT status, risk_tier, reassessment_due "
        + "FROM ov_customer WHERE id = ?", customerId);
    assertThat(row.get("STATUS")).isEqualTo("ACTIVE");
    assertThat(row.get("RISK_TIER")).isEqualTo("MEDIUM");
    assertThat(row.get("REASSESSMENT_DUE").toString()).isEqualTo("2027-03-02");
    String id = (String) variable(instance, "reassessmentId");
    assertThat(actions(id)).containsExactly("REASSESSMENT_STARTED", "REASSESSMENT_SCORED",
        "REASSESSMENT_CLOSED");
    Map<String, Object> record = JDBC.queryForMap("SELECT status, open_customer_id, comparison, "
        + "trigger_kind, next_due FROM ov_reassessment WHERE id = ?", id);
    assertThat(record.get("STATUS")).isEqualTo("CLOSED");
    assertThat(record.get("OPEN_CUSTOMER_ID")).isNull();
    assertThat(record.get("COMPARISON")).isEqualTo("UNCHANGED");
    assertThat(record.get("TRIGGER_KIND")).isEqualTo("SCHEDULE");
    assertThat(LEDGER.verify().intact()).isTrue();
    assertThat(NOTIFICATIONS).isEmpty();
  }

  @Test
  void aWorseTierGoesToComplianceAndTheCommitteeWhichSuspendsTheCustomer() {
    String customerId = customer("State Security Service", "MEDIUM", "none");
    String sale = saleKey(customerId);
    // greg declared a conflict in the customer's sale: he stays out of its re-assessments
    exclusions().exclude(sale, "greg", CaseExclusions.Reason.DECLARED_CONFLICT, "greg");
    scored(RiskTier.HIGH, "DOCUMENTED_ABUSE");
    ProcessInstance instance = instance(starter.start(customerId,
        ReassessmentTrigger.COUNTRY_DATA, "Freedom House TOTAL_SCORE: 60 -> 35", null));
    runJobs(instance);
    String reference = instance.getBusinessKey();

    Task review = task(instance);
    assertThat(review).hasCandidateGroup("compliance")
        .hasName("Review re-assessment: State Security Service, Freeland")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(14))));
    assertThat(variable(instance, "previousRiskTier")).isEqualTo("MEDIUM");
    assertThat(variable(instance, "riskTier")).isEqualTo("HIGH");
    assertThat(variable(instance, "newRedFlags")).isEqualTo("DOCUMENTED_ABUSE: reason");
    assertThat((String) variable(instance, "reviewReason")).startsWith(
        "The tier rose from MEDIUM to HIGH and new red flags were raised (DOCUMENTED_ABUSE)");

    // the review deadline passes: compliance and managers are told; the task stays
    Job reviewOverdue = timer(instance, "BoundaryEvent_ReviewOverdue");
    assertThat(reviewOverdue.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));
    engine.getManagementService().executeJob(reviewOverdue.getId());
    runJobs(instance);
    assertThat(instance).hasPassed("Task_EscalateReview", "EndEvent_ReviewEscalated")
        .isWaitingAt("Task_ReviewReassessment");
    assertThat(NOTIFICATIONS).singleElement().satisfies(n -> assertThat(n)
        .containsEntry("template", "reassessment-review-overdue")
        .containsEntry("groups", "compliance,managers").containsEntry("businessKey", reference));

    assertThatThrownBy(() -> complete(review, "carl", Map.of(
        "recommendedDecision", "SUSPEND")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("reviewNote: write your review for the committee");
    assertThatThrownBy(() -> complete(review, "carl", Map.of("reviewNote", "x",
        "recommendedDecision", "WAIT")))
        .hasMessageContaining("recommendedDecision: choose one of [CONTINUE, "
            + "CONTINUE_WITH_CONDITIONS, SUSPEND, TERMINATE]");
    complete(review, "carl", Map.of("reviewNote", "New lab report: two journalists targeted",
        "recommendedDecision", "SUSPEND"));
    runJobs(instance);

    // the committee: not greg (conflicted in the sale), not carl (reviewed it)
    Task decision = task(instance);
    assertThat(decision).hasCandidateGroup("grc-committee")
        .hasName("Decide on the relationship: State Security Service, Freeland")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(14))));
    assertThat(variable(instance, "reviewNote"))
        .isEqualTo("New lab report: two journalists targeted");
    assertThatThrownBy(() -> engine.getTaskService().claim(decision.getId(), "greg"))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("Conflict of interest: greg is excluded from " + reference
            + " and takes no part in it");
    assertThatThrownBy(() -> engine.getTaskService().setAssignee(decision.getId(), "carl"))
        .hasRootCauseMessage("Segregation of duties: carl reviewed " + reference
            + " for compliance and cannot decide it");
    Job decisionOverdue = timer(instance, "BoundaryEvent_DecisionOverdue");
    engine.getManagementService().executeJob(decisionOverdue.getId());
    runJobs(instance);
    assertThat(instance).hasPassed("Task_EscalateDecision", "EndEvent_DecisionEscalated")
        .isWaitingAt("Task_DecideReassessment");
    assertThat(NOTIFICATIONS).last().satisfies(n -> assertThat(n)
        .containsEntry("template", "reassessment-decision-overdue")
        .containsEntry("groups", "grc-committee,managers"));

    // gina declares a conflict: excluded; grace decides
    complete(decision, "gina", Map.of("conflictOfInterest", true));
    runJobs(instance);
    assertThat(instance).hasPassed("Task_ExcludeConflictedMember")
        .isWaitingAt("Task_DecideReassessment");
    Task redecision = task(instance);
    assertThatThrownBy(() -> complete(redecision, "gina", Map.of(
        "reassessmentDecision", "CONTINUE", "decisionRationale", "x")))
        .hasRootCauseMessage("Conflict of interest: gina is excluded from " + reference
            + " and takes no part in it");
    assertThatThrownBy(() -> complete(redecision, "grace", Map.of(
        "reassessmentDecision", "SUSPEND")))
        .hasMessageContaining("decisionRationale: the committee's rationale is required");
    complete(redecision, "grace", Map.of("reassessmentDecision", "SUSPEND",
        "decisionRationale", "Journalists targeted: suspend until the audit is done"));
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_UpdateCustomerStatus",
        "Task_NotifyCustomerStatus", "Task_ScheduleNextReassessment",
        "EndEvent_ReassessmentClosed").hasNotPassed("Task_NotifyConditions");
    Map<String, Object> row = JDBC.queryForMap("SELECT status, status_reason, "
        + "status_investigation_ref, risk_tier, reassessment_due FROM ov_customer WHERE id = ?",
        customerId);
    assertThat(row.get("STATUS")).isEqualTo("SUSPENDED");
    assertThat(row.get("STATUS_REASON")).isEqualTo(reference + ": customer suspended by the GRC "
        + "committee after re-assessment (tier MEDIUM -> HIGH). Journalists targeted: suspend "
        + "until the audit is done");
    assertThat(row.get("STATUS_INVESTIGATION_REF")).isEqualTo(reference);
    assertThat(row.get("RISK_TIER")).isEqualTo("HIGH");
    assertThat(row.get("REASSESSMENT_DUE").toString()).isEqualTo("2026-09-02");
    assertThat(NOTIFICATIONS).last().satisfies(n -> assertThat(n)
        .containsEntry("template", "reassessment-customer-status")
        .containsEntry("groups", "legal,sales"));
    assertThat(variable(instance, "customerStatus")).isEqualTo("SUSPENDED");
    String id = (String) variable(instance, "reassessmentId");
    assertThat(actions(id)).containsExactly("REASSESSMENT_STARTED", "REASSESSMENT_SCORED",
        "REASSESSMENT_REVIEWED", "CONFLICT_DECLARED", "REASSESSMENT_DECIDED",
        "CUSTOMER_SUSPENDED", "REASSESSMENT_CLOSED");
    assertThat(LEDGER.entries(id).get(4).actor()).isEqualTo("grace");
    assertThat(LEDGER.verify().intact()).isTrue();
  }

  @Test
  void aNewRedFlagAloneGoesToTheCommitteeWhichContinuesWithConditions() {
    String customerId = customer("Border Guard", "HIGH", "CUSTOMER_TYPE_INTELLIGENCE: x");
    scored(RiskTier.HIGH, "CUSTOMER_TYPE_INTELLIGENCE", "OPAQUE_INTERMEDIARY");
    ProcessInstance instance = instance(starter.start(customerId, ReassessmentTrigger.MANUAL,
        "Started by carl (compliance)", "carl"));
    runJobs(instance);
    assertThat(variable(instance, "newRedFlags")).isEqualTo("OPAQUE_INTERMEDIARY: reason");
    complete(task(instance), "ivan", Map.of("reviewNote", "The reseller changed owners",
        "recommendedDecision", "CONTINUE_WITH_CONDITIONS"));
    runJobs(instance);
    Task decision = task(instance);
    // carl started it by hand: he does not decide it either
    assertThatThrownBy(() -> complete(decision, "carl", Map.of(
        "reassessmentDecision", "CONTINUE", "decisionRationale", "x")))
        .hasRootCauseMessage("Segregation of duties: carl started "
            + instance.getBusinessKey() + " and cannot decide it");
    assertThatThrownBy(() -> complete(decision, "greg", Map.of(
        "reassessmentDecision", "CONTINUE_WITH_CONDITIONS", "decisionRationale", "Reseller")))
        .hasMessageContaining("decisionConditions: name the conditions");
    complete(decision, "greg", Map.of("reassessmentDecision", "CONTINUE_WITH_CONDITIONS",
        "decisionRationale", "Reseller must be disclosed",
        "decisionConditions", "Disclose the reseller's owners within 30 days"));
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_NotifyConditions",
        "Task_ScheduleNextReassessment").hasNotPassed("Task_UpdateCustomerStatus");
    assertThat(NOTIFICATIONS).singleElement().satisfies(n -> assertThat(n)
        .containsEntry("template", "reassessment-conditions")
        .containsEntry("groups", "legal,sales"));
    assertThat(JDBC.queryForObject("SELECT status FROM ov_customer WHERE id = ?", String.class,
        customerId)).isEqualTo("ACTIVE");
    assertThat(JDBC.queryForObject("SELECT decision_conditions FROM ov_reassessment WHERE id = ?",
        String.class, variable(instance, "reassessmentId")))
        .isEqualTo("Disclose the reseller's owners within 30 days");
  }

  @Test
  void theCommitteeMayContinueAndTheNextComparisonStartsFromThisOne() {
    String customerId = customer("Coast Guard", "LOW", "none");
    scored(RiskTier.MEDIUM);
    ProcessInstance first = instance(starter.start(customerId, ReassessmentTrigger.SCHEDULE,
        null, null));
    runJobs(first);
    complete(task(first), "carl", Map.of("reviewNote", "Indicators fell; nothing on the unit",
        "recommendedDecision", "CONTINUE"));
    runJobs(first);
    complete(task(first), "grace", Map.of("reassessmentDecision", "CONTINUE",
        "decisionRationale", "No link between the country's decline and the unit"));
    runJobs(first);
    assertThat(first).isEnded().hasPassed("Gateway_OutcomeMerge")
        .hasNotPassed("Task_NotifyConditions", "Task_UpdateCustomerStatus");
    assertThat(JDBC.queryForMap("SELECT status, risk_tier, reassessment_due FROM ov_customer "
        + "WHERE id = ?", customerId)).containsEntry("STATUS", "ACTIVE")
        .containsEntry("RISK_TIER", "MEDIUM");

    // the same day again, nothing new: compared with MEDIUM, no review; a reference of its own
    ProcessInstance second = instance(starter.start(customerId, ReassessmentTrigger.MANUAL,
        null, "carl"));
    runJobs(second);
    assertThat(second.getBusinessKey()).isEqualTo(first.getBusinessKey() + "-2");
    assertThat(second).isEnded().hasNotPassed("Task_ReviewReassessment");
  }

  @Test
  void aBetterTierNeedsNoReviewAndLengthensThePeriod() {
    String customerId = customer("Customs", "HIGH", "DOCUMENTED_ABUSE: x");
    scored(RiskTier.MEDIUM);
    ProcessInstance instance = instance(starter.start(customerId, ReassessmentTrigger.SCHEDULE,
        null, null));
    runJobs(instance);
    assertThat(instance).isEnded().hasNotPassed("Task_ReviewReassessment");
    assertThat(JDBC.queryForObject("SELECT comparison FROM ov_reassessment WHERE id = ?",
        String.class, variable(instance, "reassessmentId"))).isEqualTo("BETTER_TIER");
    assertThat(JDBC.queryForObject("SELECT reassessment_due FROM ov_customer WHERE id = ?",
        java.sql.Date.class, customerId).toString()).isEqualTo("2027-03-02");
  }

  // ---- starts ------------------------------------------------------------------------------

  @Test
  void oneRunningReassessmentPerCustomerAndOnlyActiveCustomers() {
    String customerId = customer("Navy", "MEDIUM", "none");
    scored(RiskTier.MEDIUM);
    ReassessmentStarter.Outcome first = starter.start(customerId, ReassessmentTrigger.SCHEDULE,
        null, null);
    assertThat(first.started()).isTrue();
    ReassessmentStarter.Outcome second = starter.start(customerId,
        ReassessmentTrigger.COUNTRY_DATA, "CIVICUS RATING: OBSTRUCTED -> REPRESSED", null);
    assertThat(second.started()).isFalse();
    assertThat(second.reason()).isEqualTo("re-assessment " + first.reference()
        + " is already running");
    // the message itself refuses a second one (another node, the engine REST API)
    assertThatThrownBy(() -> correlate(customerId, "MANUAL"))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("customerId: re-assessment " + first.reference()
            + " is already running for Navy");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceBusinessKeyLike("RA-" + saleKey(customerId) + "%").count()).isOne();

    // cancelled in Cockpit: no longer running, the next one starts
    engine.getRuntimeService().deleteProcessInstance(first.processInstanceId(), "test", true);
    ReassessmentStarter.Outcome third = starter.start(customerId, ReassessmentTrigger.MANUAL,
        null, "carl");
    assertThat(third.started()).isTrue();
    assertThat(JDBC.queryForObject("SELECT status FROM ov_reassessment WHERE reference = ?",
        String.class, first.reference())).isEqualTo("CANCELLED");
    engine.getRuntimeService().deleteProcessInstance(third.processInstanceId(), "test", true);

    JDBC.update("UPDATE ov_customer SET status = 'SUSPENDED' WHERE id = ?", customerId);
    assertThat(starter.start(customerId, ReassessmentTrigger.SCHEDULE, null, null).reason())
        .isEqualTo("the customer is SUSPENDED, not ACTIVE");
    assertThatThrownBy(() -> correlate(customerId, "MANUAL"))
        .hasMessageContaining("customerId: the customer Navy is SUSPENDED, not ACTIVE");
    assertThatThrownBy(() -> correlate("no-such-customer", "MANUAL"))
        .hasMessageContaining("customerId: no customer \"no-such-customer\"");
    String active = customer("Army", "LOW", "none");
    assertThatThrownBy(() -> correlate(active, "WHENEVER"))
        .hasMessageContaining("reassessmentTrigger: choose one of [SCHEDULE, COUNTRY_DATA, "
            + "MANUAL]");
    assertThat(JDBC.queryForObject("SELECT COUNT(*) FROM ov_reassessment WHERE customer_id = ?",
        Long.class, active)).isZero();
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** The risk engine's answer for the next re-scoring: a tier and red flags (by code). */
  private static void scored(RiskTier tier, String... flags) {
    when(RISK.assess(any())).thenReturn(new RiskAssessment(tier, Arrays.stream(flags)
        .map(code -> new RedFlag(code, "reason")).toList(), List.of(), List.of(), List.of(),
        "Re-scored: " + tier, new RiskAssessment.DecisionUsed("d1", "Decision_HumanRightsRisk", 2,
            "human-rights-risk.dmn"), NOW));
  }

  /** An ACTIVE customer in Freeland with a complete sale case; returns its id. */
  private static String customer(String agency, String tier, String saleRedFlags) {
    String saleCaseId = UUID.randomUUID().toString();
    String customerId = UUID.randomUUID().toString();
    Timestamp now = Timestamp.from(NOW);
    JDBC.update("INSERT INTO ov_sale_case (id, business_key, submitter, customer_agency, "
        + "customer_type, country, product, capability_class, end_use_category, intermediaries, "
        + "end_use_statement, status, risk_tier, red_flags, created_at, updated_at) VALUES "
        + "(?, ?, 'sara', ?, 'LAW_ENFORCEMENT', 'FL', 'Forensics Suite', 'DEVICE_FORENSICS', "
        + "'SERIOUS_CRIME', '[]', TRUE, 'APPROVED_ACTIVE', ?, ?, ?, ?)", saleCaseId,
        "SALE-T-" + saleCaseId.substring(0, 8), agency, tier, saleRedFlags, now, now);
    JDBC.update("INSERT INTO ov_customer (id, agency, country, customer_type, status, risk_tier, "
        + "activated_at, reassessment_due, sale_case_id) VALUES (?, ?, 'FL', 'LAW_ENFORCEMENT', "
        + "'ACTIVE', ?, ?, DATE '2026-03-01', ?)", customerId, agency, tier, now, saleCaseId);
    return customerId;
  }

  private static String saleKey(String customerId) {
    return JDBC.queryForObject("SELECT s.business_key FROM ov_customer c JOIN ov_sale_case s "
        + "ON s.id = c.sale_case_id WHERE c.id = ?", String.class, customerId);
  }

  private CaseExclusions exclusions() {
    return new CaseExclusions(JDBC, engine.getAuthorizationService(), engine.getTaskService(),
        engine.getRuntimeService(), CLOCK);
  }

  private void correlate(String customerId, String trigger) {
    engine.getRuntimeService().createMessageCorrelation("Message_ReassessCustomer")
        .setVariable("customerId", customerId).setVariable("reassessmentTrigger", trigger)
        .correlateStartMessage();
  }

  private ProcessInstance instance(ReassessmentStarter.Outcome outcome) {
    assertThat(outcome.started()).as(outcome.reason()).isTrue();
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processInstanceId(outcome.processInstanceId()).singleResult();
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

  private Object variable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).list().stream()
        .filter(v -> v.getActivityInstanceId().equals(instance.getId())
            || v.getActivityInstanceId().startsWith("Process"))
        .findFirst().orElseThrow(() -> new AssertionError("No variable " + name)).getValue();
  }

  private static List<String> actions(String reassessmentId) {
    return LEDGER.entries(reassessmentId).stream().map(AuditLedger.LedgerEntry::action).toList();
  }
}
