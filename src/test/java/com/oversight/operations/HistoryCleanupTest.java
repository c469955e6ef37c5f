package com.oversight.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Camunda's history cleanup as configured in application.yml removes a finished process's history
 * once its retention ({@code historyTimeToLive}) has passed, and keeps younger history. Two tiny
 * processes stand in for Oversight's: one kept no time at all (P0D), one kept a day.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class HistoryCleanupTest {

  @Autowired ProcessEngine engine;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  private Deployment deployment;

  @Test
  void historyPastItsRetentionIsRemovedAndYoungerHistoryRemains() {
    deployment = repositoryService.createDeployment().name("history-cleanup-test")
        .addModelInstance("expired.bpmn", process("HistoryCleanupExpiredProcess", "P0D"))
        .addModelInstance("kept.bpmn", process("HistoryCleanupKeptProcess", "P1D"))
        .deploy();
    String expired = runtimeService.startProcessInstanceByKey("HistoryCleanupExpiredProcess")
        .getId();
    String kept = runtimeService.startProcessInstanceByKey("HistoryCleanupKeptProcess").getId();
    // both ended at once, so both have their history, with a removal time
    assertThat(historyService.createHistoricProcessInstanceQuery()
        .processInstanceIds(java.util.Set.of(expired, kept)).finished().count()).isEqualTo(2);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(expired)
        .singleResult().getRemovalTime()).isNotNull();

    // what the nightly job does, now: clean up once
    Job cleanup = historyService.cleanUpHistoryAsync(true);
    managementService.executeJob(cleanup.getId());

    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(expired)
        .count()).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(expired)
        .count()).isZero();
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(kept)
        .count()).isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(kept)
        .count()).isPositive();
  }

  @Test
  void theCleanupRunsNightlyWithTheRemovalTimeStrategy() {
    ProcessEngineConfigurationImpl configuration =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(configuration.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(configuration.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("01:00");
    assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("05:00");
    // every process and decision of Oversight has a retention (ModelRulesTest checks the models)
    assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
  }

  @AfterEach
  void undeploy() {
    if (deployment != null) {
      repositoryService.deleteDeployment(deployment.getId(), true);
    }
  }

  private static BpmnModelInstance process(String key, String timeToLive) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLiveString(timeToLive)
        .startEvent().endEvent().done();
  }
}
