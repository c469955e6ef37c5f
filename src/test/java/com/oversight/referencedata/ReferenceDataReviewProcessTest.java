package com.oversight.referencedata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.reset;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.oversight.platform.ProcessKeys;
import com.oversight.platform.ProcessVariables;
import com.oversight.referencedata.ReferenceData.Country;
import com.oversight.referencedata.ReferenceData.CountryDataGap;
import com.oversight.testing.InMemoryEngines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
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
 * ReferenceDataReviewProcess as deployed from processes/, on an in-memory engine configured in
 * code, with the real delegate over a mocked {@link ReferenceData}. The coverage report goes to
 * target/process-test-coverage/.
 */
@Deployment(resources = {
    "processes/reference-data-review.bpmn",
    "processes/update-country-data.form"})
class ReferenceDataReviewProcessTest {

  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");
  private static final ReferenceData REFERENCE_DATA = mock(ReferenceData.class);

  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
      .builder(engineConfiguration())
      .assertClassCoverageAtLeast(1.0)
      .build();

  private ProcessEngine engine;

  static ProcessEngineConfiguration engineConfiguration() {
    return InMemoryEngines.configuration("reference-data-review-test", Map.of(
        "findOutdatedCountryDataDelegate",
        new FindOutdatedCountryDataDelegate(REFERENCE_DATA, Clock.fixed(NOW, ZoneOffset.UTC))));
  }

  @BeforeEach
  void setUp() {
    reset(REFERENCE_DATA);
    ClockUtil.setCurrentTime(Date.from(NOW));
    engine = ENGINE.getProcessEngine();
    BpmnAwareTests.init(engine);
  }

  @AfterEach
  void tearDown() {
    ClockUtil.reset();
    BpmnAwareTests.reset();
  }

  @Test
  void outdatedDataGivesComplianceATaskDueInFourteenDays() throws IOException {
    when(REFERENCE_DATA.dataGaps(any())).thenReturn(List.of(
        gap("DE", "Germany", "Freedom House SCORE: missing"),
        gap("FR", "France", "V-Dem LIBERAL_DEMOCRACY: as of 2021-01-01, older than P3Y")));

    ProcessInstance instance = startedByAnalyst();
    assertThat(instance).isWaitingAt("Task_FindOutdatedCountryData");
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
        .processInstanceId(instance.getId()).singleResult().getStartUserId()).isEqualTo("carl");
    execute(job(instance));

    verify(REFERENCE_DATA).dataGaps(LocalDate.of(2026, 3, 2));
    assertThat(instance).isWaitingAt("Task_UpdateCountryData")
        .variables()
        .containsEntry(ProcessVariables.OUTDATED_COUNTRY_COUNT, 2)
        .containsEntry(ProcessVariables.OUTDATED_COUNTRIES,
            "DE Germany: Freedom House SCORE: missing\n"
                + "FR France: V-Dem LIBERAL_DEMOCRACY: as of 2021-01-01, older than P3Y");
    Task task = task();
    assertThat(task).hasCandidateGroup("compliance")
        .hasDueDate(Date.from(NOW.plus(Duration.ofDays(14))));
    assertThat(deployedForm(task)).contains("\"id\": \"Form_UpdateCountryData\"");

    complete(task, withVariables(ProcessVariables.DATA_UPDATE_NOTE,
        "Imported Freedom in the World 2026 and V-Dem v16"));

    assertThat(instance).isEnded()
        .hasPassed("EndEvent_CountryDataUpdated")
        .hasNotPassed("EndEvent_CountryDataCurrent");
  }

  @Test
  void currentDataEndsWithoutATask() {
    when(REFERENCE_DATA.dataGaps(any())).thenReturn(List.of());

    ProcessInstance instance = startedByAnalyst();
    execute(job(instance));

    assertThat(instance).isEnded()
        .hasPassed("EndEvent_CountryDataCurrent")
        .hasNotPassed("Task_UpdateCountryData");
  }

  @Test
  void theQuarterlyTimerStartsAReview() {
    when(REFERENCE_DATA.dataGaps(any())).thenReturn(List.of());
    Job timer = engine.getManagementService().createJobQuery()
        .processDefinitionKey(ProcessKeys.REFERENCE_DATA_REVIEW).timers().singleResult();
    assertThat(timer.getDuedate()).isEqualTo(Date.from(
        NOW.atZone(ZoneOffset.systemDefault()).plusMonths(3).toInstant()));

    engine.getManagementService().executeJob(timer.getId());

    ProcessInstance instance = engine.getRuntimeService().createProcessInstanceQuery()
        .processDefinitionKey(ProcessKeys.REFERENCE_DATA_REVIEW).singleResult();
    assertThat(instance).hasPassed("StartEvent_QuarterlyReview")
        .isWaitingAt("Task_FindOutdatedCountryData");
    execute(job(instance));
    assertThat(instance).isEnded().hasPassed("EndEvent_CountryDataCurrent");
    assertThat(engine.getManagementService().createJobQuery().timers().count())
        .as("the cycle schedules the next quarter").isEqualTo(1);
  }

  @Test
  void aFailingLookupIsTriedThreeTimesTenMinutesApartThenRaisesAnIncident() {
    when(REFERENCE_DATA.dataGaps(any())).thenThrow(new IllegalStateException("database down"));
    ProcessInstance instance = startedByAnalyst();

    assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("database down");

    Job failed = job(instance);
    assertThat(failed.getRetries()).isEqualTo(2);
    assertThat(failed.getDuedate()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(10))));
    assertThat(failed.getExceptionMessage()).contains("database down");

    for (int attempt = 2; attempt <= 3; attempt++) {
      assertThatThrownBy(() -> execute(job(instance))).hasMessageContaining("database down");
    }
    assertThat(job(instance).getRetries()).isZero();
    assertThat(engine.getRuntimeService().createIncidentQuery()
        .processInstanceId(instance.getId()).activityId("Task_FindOutdatedCountryData").count())
        .isEqualTo(1);
  }

  /** As Tasklist's "Start process" does: submits the (empty) start form as user carl. */
  private ProcessInstance startedByAnalyst() {
    String definitionId = engine.getRepositoryService().createProcessDefinitionQuery()
        .processDefinitionKey(ProcessKeys.REFERENCE_DATA_REVIEW).latestVersion().singleResult()
        .getId();
    engine.getIdentityService().setAuthenticatedUserId("carl");
    try {
      return engine.getFormService().submitStartForm(definitionId, Map.of());
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
  }

  private String deployedForm(Task task) throws IOException {
    try (InputStream form = engine.getFormService().getDeployedTaskForm(task.getId())) {
      return new String(form.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static CountryDataGap gap(String alpha2, String name, String problem) {
    return new CountryDataGap(new Country(alpha2, null, name), List.of(problem));
  }
}
