package com.oversight.grievance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.oversight.identity.CaseExclusionListener;
import com.oversight.identity.CaseExclusions;
import com.oversight.platform.ProcessKeys;
import com.oversight.platform.TaskRefusal;
import com.oversight.testing.InMemoryEngines;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * GrievanceProcess and GrievanceRetentionProcess as deployed from processes/, on an in-memory
 * engine: the real delegates and listeners over a mocked {@link GrievanceHandling}, a stand-in for
 * the misuse investigation, and a recording stand-in for the notification delegate. Every path,
 * the 7-day and 3-month timers included; the coverage report must show every flow node and
 * sequence flow.
 */
@Deployment(resources = {
    "processes/grievance-handling.bpmn",
    "processes/grievance-retention.bpmn",
    "processes/acknowledge-report.form",
    "processes/triage-report.form",
    "processes/close-report.form",
    "processes/read-reporter-message.form",
    "stubs/misuse-investigation-stub.bpmn"})
class GrievanceProcessTest {

  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  static final Instant ACK_DUE = NOW.plus(Duration.ofDays(7));
  static final Instant FEEDBACK_DUE = Instant.parse("2026-06-03T10:00:00Z");
  static final Instant REMINDER = FEEDBACK_DUE.minus(Duration.ofDays(14));
  static final GrievanceHandling HANDLING = mock(GrievanceHandling.class);
  static final CaseExclusions EXCLUSIONS = mock(CaseExclusions.class);
  static final List<Map<String, Object>> NOTIFICATIONS = new ArrayList<>();

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
      .builder(engineConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  private ProcessEngine engine;

  static ProcessEngineConfiguration engineConfiguration() {
    JavaDelegate notifications = execution -> {
      Map<String, Object> sent = new HashMap<>();
      sent.put("template", execution.getVariable("notificationTemplate"));
      sent.put("groups", execution.getVariable("notifyGroups"));
      sent.put("caseRef", execution.getVariable("caseRef"));
      NOTIFICATIONS.add(sent);
    };
    Map<Object, Object> beans = new HashMap<>();
    beans.put("sendNotificationDelegate", notifications);
    beans.put("recordAcknowledgmentDelegate", new RecordAcknowledgmentDelegate(HANDLING));
    beans.put("recordAcknowledgmentBreachDelegate",
        new RecordAcknowledgmentBreachDelegate(HANDLING));
    beans.put("checkFeedbackDeadlineDelegate", new CheckFeedbackDeadlineDelegate(HANDLING));
    beans.put("recordClosureDelegate", new RecordClosureDelegate(HANDLING));
    beans.put("purgeExpiredReportsDelegate", new PurgeExpiredReportsDelegate(HANDLING));
    beans.put("triageReportListener", new TriageReportListener(HANDLING));
    beans.put("closeReportListener", new CloseReportListener(HANDLING));
    beans.put("grievanceInvestigationListener", new GrievanceInvestigationListener(HANDLING));
    beans.put("caseExclusionListener", new CaseExclusionListener(EXCLUSIONS));
    return InMemoryEngines.configuration("grievance-test", beans);
  }

  @BeforeEach
  void setUp() {
    reset(HANDLING, EXCLUSIONS);
    NOTIFICATIONS.clear();
    ClockUtil.setCurrentTime(Date.from(NOW));
    engine = ENGINE.getProcessEngine();
    BpmnAwareTests.init(engine);
    when(EXCLUSIONS.excludedUsers(any(), any())).thenReturn(Set.of());
    when(HANDLING.acknowledge("g-1")).thenReturn(
        new GrievanceHandling.FeedbackDeadline(FEEDBACK_DUE, REMINDER));
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void anAdmissibleReportIsAcknowledgedTriagedAndClosedWithoutInvestigation() {
    ProcessInstance instance = reportReceived();
    Task acknowledge = task(instance);
    assertThat(acknowledge).hasName("Acknowledge report GR-2026-ABC234")
        .hasCandidateGroup("investigators").hasDueDate(Date.from(ACK_DUE));

    complete(acknowledge, Map.of("reportRead", true));
    runJobs(instance);
    verify(HANDLING).acknowledge("g-1");
    assertThat(instance).isWaitingAt("Task_TriageReport");
    assertThat(variable(instance, "feedbackDue")).isEqualTo(Date.from(FEEDBACK_DUE));
    assertThat(task(instance)).hasDueDate(Date.from(REMINDER));

    when(HANDLING.triage("g-1", true, "NORMAL", "LOW", false, false, null)).thenReturn(false);
    complete(task(instance), triage(true, false, false));
    assertThat(instance).isWaitingAt("Task_CloseReport");
    assertThat(task(instance)).hasDueDate(Date.from(FEEDBACK_DUE));

    complete(task(instance), Map.of("grievanceOutcome", "ADDRESSED"));
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("Gateway_JoinInvestigation", "Task_RecordClosure",
        "EndEvent_ReportClosed").hasNotPassed("CallActivity_MisuseInvestigation");
    verify(HANDLING).closingOutcome("g-1", "ADDRESSED");
    verify(HANDLING).close("g-1", "ADDRESSED");
    assertThat(NOTIFICATIONS).isEmpty();
  }

  @Test
  void aReportAllegingMisuseGoesToAnInvestigationWhoseOutcomeComesBack() {
    ProcessInstance instance = acknowledged();
    when(HANDLING.triage("g-1", true, "URGENT", "HIGH", true, true, null)).thenReturn(true);
    Map<String, Object> triage = triage(true, true, true);
    triage.put("priority", "URGENT");
    triage.put("retaliationRisk", "HIGH");
    complete(task(instance), triage);

    assertThat(instance).isWaitingAt("CallActivity_MisuseInvestigation");
    verify(HANDLING).investigationStarted("g-1");
    ProcessInstance investigation = engine.getRuntimeService().createProcessInstanceQuery()
        .superProcessInstanceId(instance.getId()).singleResult();
    assertThat(investigation).isNotNull();
    assertThat(engine.getRuntimeService().getVariables(investigation.getId()))
        .containsEntry("relatedCaseRef", "GR-2026-ABC234").containsEntry("grievanceId", "g-1")
        .containsEntry("investigationOrigin", "GRIEVANCE")
        .doesNotContainKeys("caseRef", "acknowledgmentDue");

    engine.getTaskService().complete(task(investigation).getId(), Map.of(
        "investigationOutcome", "SUSPENSION", "investigationSummary", "Misuse confirmed"));
    verify(HANDLING).investigationConcluded("g-1", "SUSPENSION");
    assertThat(instance).isWaitingAt("Task_CloseReport");
    assertThat(variable(instance, "investigationSummary")).isEqualTo("Misuse confirmed");

    complete(task(instance), Map.of("grievanceOutcome", "REMEDIATION_TAKEN"));
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("CallActivity_MisuseInvestigation",
        "EndEvent_ReportClosed");
  }

  @Test
  void aTriageTheServerRefusesLeavesTheTaskOpen() {
    ProcessInstance instance = acknowledged();
    doThrow(TaskRefusal.invalid("This report alleges misuse against people at risk"))
        .when(HANDLING).triage(anyString(), any(), any(), any(), any(), any(), any());
    Task triage = task(instance);

    assertThatThrownBy(() -> complete(triage, triage(false, true, false)))
        .hasMessageContaining("people at risk");
    assertThat(instance).isWaitingAt("Task_TriageReport");
  }

  @Test
  void sevenDaysWithoutAcknowledgmentRecordTheBreachAndEscalateWhileTheTaskStays() {
    ProcessInstance instance = reportReceived();
    Job timer = timer(instance);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(ACK_DUE));

    engine.getManagementService().executeJob(timer.getId());
    runJobs(instance);

    verify(HANDLING).acknowledgmentMissed("g-1");
    assertThat(instance).hasPassed("BoundaryEvent_AcknowledgmentOverdue",
        "Task_RecordAcknowledgmentBreach", "Task_EscalateAcknowledgment",
        "EndEvent_AcknowledgmentEscalated").isWaitingAt("Task_AcknowledgeReport");
    assertThat(NOTIFICATIONS).singleElement().satisfies(n -> assertThat(n)
        .containsEntry("template", "grievance-acknowledgment-overdue")
        .containsEntry("groups", "investigators,managers")
        .containsEntry("caseRef", "GR-2026-ABC234"));
  }

  @Test
  void theFeedbackReminderAndAMissedFeedbackDeadlineEscalate() {
    ProcessInstance instance = acknowledged();
    List<Job> timers = engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).timers().orderByJobDuedate().asc().list();
    assertThat(timers).extracting(Job::getDuedate)
        .containsExactly(Date.from(REMINDER), Date.from(FEEDBACK_DUE));

    engine.getManagementService().executeJob(timers.get(0).getId());
    runJobs(instance);
    assertThat(NOTIFICATIONS).singleElement().satisfies(n -> assertThat(n)
        .containsEntry("template", "grievance-feedback-reminder")
        .containsEntry("groups", "investigators"));

    when(HANDLING.checkFeedbackDeadline("g-1")).thenReturn(true);
    engine.getManagementService().executeJob(timers.get(1).getId());
    runJobs(instance);
    assertThat(instance).hasPassed("Task_RemindFeedback", "EndEvent_FeedbackReminded",
        "Task_CheckFeedbackDeadline", "Gateway_FeedbackBreached", "Task_EscalateFeedback",
        "EndEvent_FeedbackEscalated").isWaitingAt("Task_TriageReport");
    assertThat(NOTIFICATIONS).extracting(n -> n.get("template"))
        .containsExactly("grievance-feedback-reminder", "grievance-feedback-overdue");
  }

  @Test
  void feedbackGivenInTimeRecordsNoBreach() {
    ProcessInstance instance = acknowledged();
    when(HANDLING.checkFeedbackDeadline("g-1")).thenReturn(false);
    Job deadline = engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).timers().orderByJobDuedate().desc().list().get(0);

    engine.getManagementService().executeJob(deadline.getId());
    runJobs(instance);

    assertThat(instance).hasPassed("EndEvent_FeedbackOnTime")
        .hasNotPassed("Task_EscalateFeedback").isWaitingAt("Task_TriageReport");
    assertThat(NOTIFICATIONS).isEmpty();
  }

  @Test
  void aMessageFromTheReporterCreatesATaskForTheInvestigators() {
    ProcessInstance instance = reportReceived();
    engine.getRuntimeService().createMessageCorrelation("Message_ReporterMessage")
        .processInstanceId(instance.getId()).setVariableLocal("unreadMessages", 1).correlate();

    Task read = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey("Task_ReadReporterMessage").singleResult();
    assertThat(read).hasName("Read the reporter's message on GR-2026-ABC234")
        .hasCandidateGroup("investigators").hasDueDate(Date.from(NOW.plus(Duration.ofDays(7))));
    assertThat(engine.getTaskService().getVariable(read.getId(), "unreadMessages")).isEqualTo(1);

    complete(read, Map.of("messagesRead", true));
    assertThat(instance).hasPassed("EndEvent_MessageRead").isWaitingAt("Task_AcknowledgeReport");
  }

  @Test
  void anExcludedInvestigatorCannotCompleteTheTask() {
    ProcessInstance instance = reportReceived();
    when(EXCLUSIONS.excludedUsers("GR-2026-ABC234", null)).thenReturn(Set.of("iris"));
    Task acknowledge = task(instance);

    assertThatThrownBy(() -> engine.getTaskService().setAssignee(acknowledge.getId(), "iris"))
        .hasMessageContaining("iris is excluded from GR-2026-ABC234")
        .satisfies(e -> assertThat(e).isInstanceOfAny(TaskRefusal.class, RuntimeException.class));
    assertThat(task(instance).getAssignee()).isNull();
  }

  @Test
  void theRetentionProcessPurgesExpiredReportsEveryNight() {
    when(HANDLING.purgeExpired()).thenReturn(2);
    Job nightly = engine.getManagementService().createJobQuery().timers()
        .processDefinitionKey(ProcessKeys.GRIEVANCE_RETENTION).singleResult();
    assertThat(nightly.getDuedate()).isEqualTo(Date.from(Instant.parse("2026-03-03T03:00:00Z")));

    engine.getManagementService().executeJob(nightly.getId());
    Job purge = engine.getManagementService().createJobQuery()
        .processDefinitionKey(ProcessKeys.GRIEVANCE_RETENTION).messages().singleResult();
    engine.getManagementService().executeJob(purge.getId());

    verify(HANDLING).purgeExpired();
    assertThat(engine.getHistoryService().createHistoricVariableInstanceQuery()
        .variableName("purgedCount").singleResult().getValue()).isEqualTo(2);
  }

  // ---- helpers -----------------------------------------------------------------------------

  private ProcessInstance reportReceived() {
    return engine.getRuntimeService().createProcessInstanceByKey(ProcessKeys.GRIEVANCE)
        .businessKey("GR-2026-ABC234")
        .setVariable("grievanceId", "g-1")
        .setVariable("caseRef", "GR-2026-ABC234")
        .setVariable("acknowledgmentDue", Date.from(ACK_DUE))
        .execute();
  }

  private ProcessInstance acknowledged() {
    ProcessInstance instance = reportReceived();
    complete(task(instance), Map.of("reportRead", true));
    runJobs(instance);
    assertThat(instance).isWaitingAt("Task_TriageReport");
    return instance;
  }

  private static Map<String, Object> triage(boolean admissible, boolean peopleAtRisk,
      boolean investigate) {
    Map<String, Object> values = new HashMap<>();
    values.put("admissible", admissible);
    values.put("priority", "NORMAL");
    values.put("retaliationRisk", "LOW");
    values.put("peopleAtRisk", peopleAtRisk);
    values.put("investigate", investigate);
    return values;
  }

  private Task task(ProcessInstance instance) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .singleResult();
  }

  private Job timer(ProcessInstance instance) {
    return engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
        .timers().singleResult();
  }

  private void complete(Task task, Map<String, Object> variables) {
    engine.getTaskService().complete(task.getId(), variables);
  }

  private Object variable(ProcessInstance instance, String name) {
    return engine.getRuntimeService().getVariable(instance.getId(), name);
  }

  /** Runs the asynchronous continuations (not the timers) of the instance until none is left. */
  private void runJobs(ProcessInstance instance) {
    for (int round = 0; round < 20; round++) {
      List<Job> jobs = engine.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).messages().list();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
    }
  }
}
