package com.oversight.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.oversight.audit.AuditLedger;
import com.oversight.audit.JdbcAuditLedger;
import com.oversight.platform.ProcessKeys;
import com.oversight.testing.InMemoryEngines;
import com.oversight.transparency.TransparencyReports;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
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
 * PolicyReviewProcess as deployed from processes/, on an in-memory engine configured in code,
 * with the real listeners, delegates, PolicyReviewService and records, and decision ledger over
 * Oversight's own tables (Flyway on an in-memory H2); the transparency report (its
 * service) and the decision-impact runs are mocked, notifications recorded. Every path: the
 * Tasklist start, the yearly timer, the send-back loop, every escalation, every refusal; the
 * coverage report (target/process-test-coverage/) must show every flow node and sequence flow.
 */
@Deployment(resources = {
    "processes/policy-review.bpmn",
    "processes/start-policy-review.form",
    "processes/expert-review.form",
    "processes/record-stakeholder-dialogue.form",
    "processes/propose-amendments.form",
    "processes/approve-amendments.form"})
class PolicyReviewProcessTest {

  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  static final JdbcTemplate JDBC = database();
  static final AuditLedger LEDGER = new JdbcAuditLedger(JDBC, CLOCK);
  static final PolicyReviews REVIEWS = new PolicyReviews(JDBC, CLOCK);
  static final TransparencyReports REPORTS = mock(TransparencyReports.class);
  static final DecisionImpacts IMPACTS = mock(DecisionImpacts.class);
  static final List<Map<String, Object>> NOTIFICATIONS = new ArrayList<>();
  static final AtomicInteger PUBLISHED = new AtomicInteger();

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
      .builder(engineConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  private ProcessEngine engine;

  static JdbcTemplate database() {
    return InMemoryEngines.migratedDatabase("policy-review-data");
  }

  static ProcessEngineConfiguration engineConfiguration() {
    JavaDelegate notifications = InMemoryEngines.recordingNotifications(NOTIFICATIONS);
    PolicyReviewService service = new PolicyReviewService(REVIEWS, LEDGER, IMPACTS,
        PolicyReviewSettings.defaults(), CLOCK);
    Map<Object, Object> beans = new HashMap<>();
    beans.put("policyReviewSettings", PolicyReviewSettings.defaults());
    beans.put("sendNotificationDelegate", notifications);
    beans.put("policyReviewStartListener", new PolicyReviewStartListener(service));
    beans.put("computeEffectivenessFiguresDelegate", new ComputeEffectivenessFiguresDelegate(
        service, REPORTS));
    beans.put("policyReviewRecordListener", new PolicyReviewRecordListener(service));
    beans.put("policyReviewDutiesListener", new PolicyReviewDutiesListener(service));
    beans.put("publishTransparencyReportDelegate", new PublishTransparencyReportDelegate(
        service, REPORTS));
    return InMemoryEngines.configuration("policy-review-test", beans);
  }

  @BeforeEach
  void setUp() {
    NOTIFICATIONS.clear();
    ClockUtil.setCurrentTime(Date.from(NOW));
    engine = ENGINE.getProcessEngine();
    BpmnAwareTests.init(engine);
    when(REPORTS.draft(any(), any(), any(), anyString())).thenAnswer(call -> {
      String reviewRef = call.getArgument(3);
      return new TransparencyReports.Draft("draft-" + reviewRef, call.getArgument(0),
          call.getArgument(1), "/reports/drafts/draft-" + reviewRef);
    });
    when(REPORTS.publish(anyString(), anyString())).thenAnswer(call -> {
      int version = PUBLISHED.incrementAndGet();
      return new TransparencyReports.Published("report-" + version, version,
          LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), "/transparency/" + version);
    });
    when(IMPACTS.isFinishedRun("run-1")).thenReturn(true);
  }

  @AfterEach
  void tearDown() {
    engine.getIdentityService().clearAuthentication();
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  // ---- paths -------------------------------------------------------------------------------

  @Test
  void aReviewStartedFromTasklistEndsWithThePublishedReport() {
    ProcessInstance instance = started("carl", period("2025-01-01", "2026-01-01"));
    String reference = businessKey(instance);
    assertThat(reference).matches("PR-2026-\\d{4}");
    String reviewId = (String) runtimeVariable(instance, "reviewId");
    assertThat(runtimeVariable(instance, "reviewPath"))
        .isEqualTo("/review/policy-reviews/" + reviewId);
    runJobs(instance);

    // the figures of the period, as a draft
    verify(REPORTS).draft(LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), "carl", reference);
    assertThat(runtimeVariable(instance, "draftReportPath"))
        .isEqualTo("/reports/drafts/draft-" + reference);
    assertThat(instance).isWaitingAt("Task_ExpertReview", "Task_RecordStakeholderDialogue");
    Task expert = task(instance, "Task_ExpertReview");
    assertThat(expert).hasCandidateGroup("reviewers")
        .hasName("External expert review: " + reference)
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(30))));
    Task dialogue = task(instance, "Task_RecordStakeholderDialogue");
    assertThat(dialogue).hasCandidateGroup("compliance")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(30))));

    // the experts and compliance: every text is required
    assertThatThrownBy(() -> complete(expert, "rex", Map.of("frameworkFindings", "Sound")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("figuresFindings: the findings on the figures are required");
    assertThatThrownBy(() -> complete(expert, "rex", Map.of("frameworkFindings",
        "x".repeat(4001), "figuresFindings", "ok")))
        .hasMessageContaining("frameworkFindings: at most 4000 characters");
    complete(expert, "rex", Map.of("frameworkFindings", "Red flags cover at-risk groups well",
        "figuresFindings", "Feedback within 3 months was missed twice"));
    assertThatThrownBy(() -> complete(dialogue, "carl", Map.of(
        "stakeholdersConsulted", "Two NGOs", "stakeholderViews", "Thresholds too lax")))
        .hasMessageContaining("dialogueChanges: say what changes it led to");
    complete(dialogue, "carl", Map.of("stakeholdersConsulted", "Two NGOs and a forensic lab",
        "stakeholderViews", "The freedom-score threshold is too lax",
        "dialogueChanges", "Raise the LOW_FREEDOM_SCORE threshold to 80"));
    assertThat(instance).hasPassed("Gateway_ReviewJoin").isWaitingAt("Task_ProposeAmendments");

    // compliance propose, referring to a decision-impact run that must exist
    Task propose = task(instance, "Task_ProposeAmendments");
    assertThat(propose).hasCandidateGroup("compliance")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(14))));
    assertThatThrownBy(() -> complete(propose, "carl", Map.of("amendments", "Raise to 80",
        "decisionImpactId", "no-such-run")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("decisionImpactId: no finished decision-impact run has the id "
            + "no-such-run");
    complete(propose, "carl", Map.of("amendments", "Raise the LOW_FREEDOM_SCORE threshold "
        + "from 70 to 80", "decisionImpactId", "run-1"));

    // the committee: not the proposer
    Task approve = task(instance, "Task_ApproveAmendments");
    assertThat(approve).hasCandidateGroup("grc-committee")
        .hasName("Approve amendments: " + reference)
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(14))));
    assertThatThrownBy(() -> engine.getTaskService().claim(approve.getId(), "carl"))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasRootCauseMessage("Segregation of duties: carl proposed the amendments of "
            + reference + " and cannot approve them");
    assertThatThrownBy(() -> complete(approve, "carl", Map.of("approvalDecision", "APPROVE")))
        .hasRootCauseMessage("Segregation of duties: carl proposed the amendments of "
            + reference + " and cannot approve them");
    assertThatThrownBy(() -> complete(approve, "gina", Map.of("approvalDecision", "MAYBE")))
        .hasMessageContaining("approvalDecision: choose APPROVE or SEND_BACK");
    complete(approve, "gina", Map.of("approvalDecision", "APPROVE"));
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_PublishTransparencyReport",
        "Task_NotifyReportPublished", "EndEvent_ReportPublished")
        .hasNotPassed("Task_EscalateExpertReview", "Task_EscalateApproval");
    verify(REPORTS).publish("draft-" + reference, "gina");
    assertThat(NOTIFICATIONS).singleElement().satisfies(n -> assertThat(n)
        .containsEntry("template", "policy-review-published")
        .containsEntry("groups", "compliance,reviewers,grc-committee,managers")
        .containsEntry("businessKey", reference));

    // the record: texts in Oversight's tables, the decision in the ledger
    PolicyReviews.PolicyReview review = REVIEWS.find(reviewId).orElseThrow();
    assertThat(review.status()).isEqualTo(PolicyReviewStatus.PUBLISHED);
    assertThat(review.startedBy()).isEqualTo("carl");
    assertThat(review.publishedReportPath()).startsWith("/transparency/");
    assertThat(REVIEWS.findings(reviewId)).singleElement().satisfies(f -> {
      assertThat(f.reviewer()).isEqualTo("rex");
      assertThat(f.figuresFindings()).isEqualTo("Feedback within 3 months was missed twice");
    });
    assertThat(REVIEWS.dialogues(reviewId)).singleElement()
        .satisfies(d -> assertThat(d.changes()).contains("threshold to 80"));
    assertThat(REVIEWS.amendments(reviewId)).singleElement().satisfies(a -> {
      assertThat(a.proposedBy()).isEqualTo("carl");
      assertThat(a.decisionImpactId()).isEqualTo("run-1");
      assertThat(a.decision()).isEqualTo("APPROVED");
      assertThat(a.decidedBy()).isEqualTo("gina");
    });
    assertThat(actions(reviewId)).containsExactly("POLICY_REVIEW_STARTED",
        "AMENDMENTS_PROPOSED", "AMENDMENTS_APPROVED", "TRANSPARENCY_REPORT_PUBLISHED");
    assertThat(LEDGER.entries(reviewId).get(3).details()).contains("\"approvedBy\":\"gina\"");
    assertThat(LEDGER.verify().intact()).isTrue();
    // the long texts never were variables of the process, only of their task's form
    assertThat(processLevel(instance, "amendments")).isEmpty();
    assertThat(processLevel(instance, "frameworkFindings")).isEmpty();
    assertThat(processLevel(instance, "stakeholderViews")).isEmpty();
  }

  @Test
  void theCommitteeSendsTheAmendmentsBackForChanges() {
    ProcessInstance instance = started("carl", period("2025-01-01", "2026-01-01"));
    String reviewId = (String) runtimeVariable(instance, "reviewId");
    runJobs(instance);
    reviewed(instance);
    complete(task(instance, "Task_ProposeAmendments"), "carl",
        Map.of("amendments", "Shorten the feedback deadline to 2 months"));

    Task approve = task(instance, "Task_ApproveAmendments");
    assertThatThrownBy(() -> complete(approve, "greg", Map.of("approvalDecision", "SEND_BACK")))
        .hasRootCauseInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("sendBackReason: say what must change");
    complete(approve, "greg", Map.of("approvalDecision", "SEND_BACK",
        "decisionReason", "Cite the legal basis and the cost for investigators"));
    assertThat(instance).hasPassed("Gateway_Approval").isWaitingAt("Task_ProposeAmendments");
    assertThat(runtimeVariable(instance, "sendBackReason"))
        .isEqualTo("Cite the legal basis and the cost for investigators");
    assertThat(REVIEWS.find(reviewId).orElseThrow().status())
        .isEqualTo(PolicyReviewStatus.SENT_BACK);

    // round 2 is proposed by another analyst, cora: the rule follows the round's proposer
    complete(task(instance, "Task_ProposeAmendments"), "cora", Map.of("amendments",
        "Shorten the feedback deadline to 2 months (EU 2019/1937 Art. 9(1)(f) allows 3)"));
    assertThat(runtimeVariable(instance, "amendmentRound")).isEqualTo(2);
    assertThat(runtimeVariable(instance, "amendmentsProposedBy")).isEqualTo("cora");
    assertThatThrownBy(() -> complete(task(instance, "Task_ApproveAmendments"), "cora",
        Map.of("approvalDecision", "APPROVE"))).hasRootCauseMessage(
            "Segregation of duties: cora proposed the amendments of " + businessKey(instance)
                + " and cannot approve them");
    complete(task(instance, "Task_ApproveAmendments"), "greg",
        Map.of("approvalDecision", "APPROVE", "decisionReason", "Well argued"));
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_PublishTransparencyReport");
    assertThat(REVIEWS.amendments(reviewId)).extracting(PolicyReviews.Amendment::round,
            PolicyReviews.Amendment::proposedBy, PolicyReviews.Amendment::decision,
            PolicyReviews.Amendment::decisionReason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, "carl", "SENT_BACK",
                "Cite the legal basis and the cost for investigators"),
            org.assertj.core.groups.Tuple.tuple(2, "cora", "APPROVED", "Well argued"));
    assertThat(actions(reviewId)).containsExactly("POLICY_REVIEW_STARTED",
        "AMENDMENTS_PROPOSED", "AMENDMENTS_SENT_BACK", "AMENDMENTS_PROPOSED",
        "AMENDMENTS_APPROVED", "TRANSPARENCY_REPORT_PUBLISHED");
  }

  @Test
  void theYearlyTimerStartsAReviewOfTheLastYear() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.POLICY_REVIEW).latestVersion().singleResult().getId();
    Job timer = engine.getManagementService().createJobQuery().timers()
        .processDefinitionId(definitionId).singleResult();
    // every 15 January at 06:00 (server time): the next one after 2 March 2026
    assertThat(LocalDateTime.ofInstant(timer.getDuedate().toInstant(), ZoneId.systemDefault()))
        .isEqualTo(LocalDateTime.of(2027, 1, 15, 6, 0));
    // the start form is the one Tasklist shows for a manual start
    assertThat(engine.getFormService().getStartFormData(definitionId).getCamundaFormRef()
        .getKey()).isEqualTo("Form_StartPolicyReview");

    ClockUtil.setCurrentTime(Date.from(timer.getDuedate().toInstant().plus(Duration.ofHours(1))));
    engine.getManagementService().executeJob(timer.getId());

    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionId(definitionId).singleResult();
    assertThat(instance).isStarted().hasPassed("StartEvent_ReviewDue");
    assertThat(runtimeVariable(instance, "periodFrom")).isEqualTo("2026-01-01");
    assertThat(runtimeVariable(instance, "periodTo")).isEqualTo("2027-01-01");
    String reviewId = (String) runtimeVariable(instance, "reviewId");
    PolicyReviews.PolicyReview review = REVIEWS.find(reviewId).orElseThrow();
    assertThat(review.startedBy()).isEqualTo("system");
    assertThat(review.reference()).isEqualTo(businessKey(instance));
    runJobs(instance);
    verify(REPORTS).draft(eq(LocalDate.of(2026, 1, 1)), eq(LocalDate.of(2027, 1, 1)),
        eq("system"), eq(review.reference()));
    assertThat(instance).isWaitingAt("Task_ExpertReview", "Task_RecordStakeholderDialogue");
    // and the timer is set for the next year
    Job next = engine.getManagementService().createJobQuery().timers()
        .processDefinitionId(definitionId).activityId("StartEvent_ReviewDue").singleResult();
    assertThat(LocalDateTime.ofInstant(next.getDuedate().toInstant(), ZoneId.systemDefault()))
        .isEqualTo(LocalDateTime.of(2028, 1, 15, 6, 0));
  }

  @Test
  void overdueTasksAreEscalatedAndStayOpen() {
    ProcessInstance instance = started("carl", period("2025-07-01", "2026-01-01"));
    String reference = businessKey(instance);
    runJobs(instance);

    Job expertOverdue = timer(instance, "BoundaryEvent_ExpertReviewOverdue");
    assertThat(expertOverdue.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(30))));
    fire(instance, expertOverdue);
    fire(instance, timer(instance, "BoundaryEvent_DialogueOverdue"));
    assertThat(instance).hasPassed("Task_EscalateExpertReview", "EndEvent_ExpertReviewEscalated",
        "Task_EscalateDialogue", "EndEvent_DialogueEscalated")
        .isWaitingAt("Task_ExpertReview", "Task_RecordStakeholderDialogue");
    reviewed(instance);

    Job amendmentsOverdue = timer(instance, "BoundaryEvent_AmendmentsOverdue");
    assertThat(amendmentsOverdue.getDuedate())
        .isEqualTo(Date.from(NOW.plus(Duration.ofDays(14))));
    fire(instance, amendmentsOverdue);
    assertThat(instance).hasPassed("Task_EscalateAmendments", "EndEvent_AmendmentsEscalated")
        .isWaitingAt("Task_ProposeAmendments");
    complete(task(instance, "Task_ProposeAmendments"), "carl",
        Map.of("amendments", "No change this year"));
    fire(instance, timer(instance, "BoundaryEvent_ApprovalOverdue"));
    assertThat(instance).hasPassed("Task_EscalateApproval", "EndEvent_ApprovalEscalated")
        .isWaitingAt("Task_ApproveAmendments");

    assertThat(NOTIFICATIONS).extracting(n -> n.get("groups"), n -> n.get("step"))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("reviewers,compliance",
                "the external expert review"),
            org.assertj.core.groups.Tuple.tuple("compliance,grc-committee",
                "the record of the stakeholder dialogue"),
            org.assertj.core.groups.Tuple.tuple("compliance,grc-committee",
                "the proposal of amendments"),
            org.assertj.core.groups.Tuple.tuple("grc-committee,managers",
                "the committee's approval of the amendments"));
    assertThat(NOTIFICATIONS).allSatisfy(n -> assertThat(n)
        .containsEntry("template", "policy-review-overdue")
        .containsEntry("businessKey", reference));
    complete(task(instance, "Task_ApproveAmendments"), "grace",
        Map.of("approvalDecision", "APPROVE"));
    runJobs(instance);
    assertThat(instance).isEnded();
  }

  @Test
  void aWrongPeriodIsRefusedAndNoReviewStarts() {
    int before = REVIEWS.list().size();
    assertThatThrownBy(() -> started("carl", period("2026-01-01", "2025-01-01")))
        .isInstanceOf(BadUserRequestException.class)
        .hasMessageContaining("periodTo: the period must end after it starts");
    assertThatThrownBy(() -> started("carl", Map.of("periodFrom", "2025-01-01")))
        .hasMessageContaining("periodTo: give both dates of the period");
    assertThatThrownBy(() -> started("carl", period("2025-06-01", "2026-06-01")))
        .hasMessageContaining("periodTo: the period must be over");
    assertThatThrownBy(() -> started("carl", period("01/01/2025", "2026-01-01")))
        .hasMessageContaining("periodFrom: not a date (yyyy-MM-dd)");
    assertThat(engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.POLICY_REVIEW).count()).isZero();
    assertThat(REVIEWS.list()).hasSize(before);
  }

  // ---- helpers -----------------------------------------------------------------------------

  /** The experts and compliance record their parts. */
  private void reviewed(ProcessInstance instance) {
    complete(task(instance, "Task_ExpertReview"), "rex", Map.of(
        "frameworkFindings", "Adequate", "figuresFindings", "Consistent with the cases"));
    complete(task(instance, "Task_RecordStakeholderDialogue"), "carl", Map.of(
        "stakeholdersConsulted", "An NGO", "stakeholderViews", "Faster feedback",
        "dialogueChanges", "A shorter feedback deadline is proposed"));
  }

  private static Map<String, Object> period(String from, String to) {
    return Map.of("periodFrom", from, "periodTo", to);
  }

  private ProcessInstance started(String user, Map<String, Object> variables) {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.POLICY_REVIEW).latestVersion().singleResult().getId();
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

  private void fire(ProcessInstance instance, Job timer) {
    engine.getManagementService().executeJob(timer.getId());
    runJobs(instance);
  }

  private void complete(Task task, String user, Map<String, Object> variables) {
    engine.getIdentityService().setAuthenticatedUserId(user);
    try {
      engine.getFormService().submitTaskForm(task.getId(), variables);
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private Task task(ProcessInstance instance, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(key).singleResult();
  }

  private String businessKey(ProcessInstance instance) {
    return engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult().getBusinessKey();
  }

  private Object runtimeVariable(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).list().stream()
        .filter(v -> v.getActivityInstanceId().equals(instance.getId()))
        .reduce((first, second) -> second)
        .map(HistoricVariableInstance::getValue)
        .orElseThrow(() -> new AssertionError("No process variable " + name));
  }

  /** Process-level (not task-local) variables of that name, in the history. */
  private List<HistoricVariableInstance> processLevel(ProcessInstance instance, String name) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance.getId()).variableName(name).list().stream()
        .filter(v -> v.getActivityInstanceId().equals(instance.getId())).toList();
  }

  private static List<String> actions(String reviewId) {
    return LEDGER.entries(reviewId).stream().map(AuditLedger.LedgerEntry::action).toList();
  }
}
