package com.oversight.reassessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import com.oversight.platform.ProcessKeys;
import com.oversight.testing.InMemoryEngines;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.camunda.spin.plugin.impl.SpinProcessEnginePlugin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ReassessmentScheduleProcess as deployed from processes/, on an in-memory engine with the real
 * delegates over a mocked ReassessmentService (who is due) and ReassessmentStarter (the start by
 * message): the daily timer, nobody due, several due (one job each). Full coverage.
 */
@Deployment(resources = "processes/reassessment-schedule.bpmn")
class ReassessmentScheduleProcessTest {

  static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  static final ReassessmentService SERVICE = mock(ReassessmentService.class);
  static final ReassessmentStarter STARTER = mock(ReassessmentStarter.class);

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
      .builder(engineConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  private ProcessEngine engine;

  static ProcessEngineConfiguration engineConfiguration() {
    Map<Object, Object> beans = new HashMap<>();
    beans.put("reassessmentSettings", ReassessmentSettings.defaults());
    beans.put("findDueCustomersDelegate", new FindDueCustomersDelegate(SERVICE));
    beans.put("startReassessmentDelegate", new StartReassessmentDelegate(STARTER));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl)
        InMemoryEngines.configuration("reassessment-schedule-test", beans);
    // as in the application: object variables (the list of customers due) as JSON
    List<ProcessEnginePlugin> plugins = new ArrayList<>(configuration.getProcessEnginePlugins());
    plugins.add(new SpinProcessEnginePlugin());
    configuration.setProcessEnginePlugins(plugins);
    configuration.setDefaultSerializationFormat(Variables.SerializationDataFormats.JSON.getName());
    return configuration;
  }

  @BeforeEach
  void setUp() {
    ClockUtil.setCurrentTime(Date.from(NOW));
    engine = ENGINE.getProcessEngine();
    BpmnAwareTests.init(engine);
    clearInvocations(SERVICE, STARTER);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void everyDayAtSixTheDueCustomersAreReassessedOneJobEach() {
    when(SERVICE.dueCustomers()).thenReturn(List.of("c-1", "c-2", "c-3"));
    when(STARTER.startScheduled("c-1")).thenReturn(started("c-1"));
    when(STARTER.startScheduled("c-2")).thenReturn(
        ReassessmentStarter.Outcome.skipped("c-2", "re-assessment RA-x is already running"));
    when(STARTER.startScheduled("c-3")).thenReturn(started("c-3"));
    Job timer = dailyTimer();
    ZonedDateTime local = NOW.atZone(ZoneId.systemDefault());
    ZonedDateTime six = local.withHour(6).withMinute(0).withSecond(0).withNano(0);
    assertThat(timer.getDuedate()).isEqualTo(Date.from(
        (six.isAfter(local) ? six : six.plusDays(1)).toInstant()));

    ProcessInstance instance = fire(timer);
    assertThat(instance).isWaitingAt("Task_FindDueCustomers");
    runJobsBefore(instance, "Task_StartReassessment");
    assertThat(instance).variables().containsEntry("dueCustomerCount", 3);
    // one job per customer: a failing start is retried on its own
    assertThat(engine.getManagementService().createJobQuery()
        .processInstanceId(instance.getId()).activityId("Task_StartReassessment").count())
        .isEqualTo(3);
    runJobs(instance);

    assertThat(instance).isEnded().hasPassed("Task_StartReassessment",
        "EndEvent_ReassessmentsStarted").hasNotPassed("EndEvent_NoneDue");
    verify(STARTER).startScheduled("c-1");
    verify(STARTER).startScheduled("c-2");
    verify(STARTER).startScheduled("c-3");
    // the timer stays for the next day
    assertThat(dailyTimer()).isNotNull();
  }

  @Test
  void aDayWithNobodyDueStartsNothing() {
    when(SERVICE.dueCustomers()).thenReturn(List.of());
    ProcessInstance instance = fire(dailyTimer());
    runJobs(instance);
    assertThat(instance).isEnded().hasPassed("EndEvent_NoneDue")
        .hasNotPassed("Task_StartReassessment");
    verifyNoInteractions(STARTER);
  }

  private static ReassessmentStarter.Outcome started(String customerId) {
    return new ReassessmentStarter.Outcome(customerId, true, "RA-" + customerId, "pi", null);
  }

  private Job dailyTimer() {
    return engine.getManagementService().createJobQuery().timers()
        .processDefinitionKey(ProcessKeys.REASSESSMENT_SCHEDULE).singleResult();
  }

  private ProcessInstance fire(Job timer) {
    engine.getManagementService().executeJob(timer.getId());
    return engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.REASSESSMENT_SCHEDULE).singleResult();
  }

  /** Runs the instance's jobs until only those of the activity are left. */
  private void runJobsBefore(ProcessInstance instance, String activityId) {
    for (int i = 0; i < 50; i++) {
      List<String> left = engine.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).activityId(activityId).list().stream()
          .map(Job::getId).toList();
      List<Job> jobs = engine.getManagementService().createJobQuery()
          .processInstanceId(instance.getId()).executable().list().stream()
          .filter(job -> !left.contains(job.getId())).toList();
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
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
}
