package com.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * History level per-process: a lean process keeps its instance, tasks, events and the variables
 * named, and leaves out variable updates, form fields, gateways, service tasks and the job log
 * of jobs done; every other process keeps full history; a database switches between full and
 * per-process with the configuration.
 */
class PerProcessHistoryTest {

  private ProcessEngine engine;

  @AfterEach
  void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void aLeanProcessKeepsWhatOversightDoesNotRecordAndOtherProcessesKeepEverything() {
    engine = engine("per-process-history", PerProcessHistoryLevel.NAME);
    engine.getRepositoryService().createDeployment()
        .addModelInstance("lean.bpmn", process("LeanProcess"))
        .addModelInstance("full.bpmn", process("FullProcess")).deploy();

    String lean = run("LeanProcess");
    String full = run("FullProcess");

    HistoryService history = engine.getHistoryService();
    assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(lean).finished()
        .count()).isOne();
    assertThat(activities(lean)).containsExactlyInAnyOrder("StartEvent_Start", "Task_Decide",
        "EndEvent_Done");
    assertThat(activities(full)).containsExactlyInAnyOrder("StartEvent_Start", "Task_Record",
        "Gateway_Decided", "Task_Decide", "EndEvent_Done");
    assertThat(history.createHistoricTaskInstanceQuery().processInstanceId(lean).finished()
        .count()).isOne();
    // only the variables named, with their last value
    assertThat(variables(lean)).containsOnlyKeys("caseId").containsEntry("caseId", "case-2");
    assertThat(variables(full)).containsOnlyKeys("caseId", "note", "decision");
    assertThat(history.createHistoricDetailQuery().processInstanceId(lean).list()).isEmpty();
    assertThat(history.createHistoricDetailQuery().processInstanceId(full).count()).isPositive();
    // failures would be kept; jobs created and done are not
    assertThat(history.createHistoricJobLogQuery().processInstanceId(lean).count()).isZero();
    assertThat(history.createHistoricJobLogQuery().processInstanceId(full).count()).isPositive();
    // the user operation log (who completed the task) is kept
    assertThat(history.createUserOperationLogQuery().processInstanceId(lean).count())
        .isPositive();
  }

  @Test
  void theDatabaseFollowsTheConfiguredLevelBetweenFullAndPerProcess() {
    engine = engine("history-switch", ProcessEngineConfiguration.HISTORY_FULL);
    assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(3);
    engine.close();

    engine = engine("history-switch", PerProcessHistoryLevel.NAME);
    assertThat(engine.getManagementService().getHistoryLevel())
        .isEqualTo(PerProcessHistoryLevel.ID);
    engine.close();

    engine = engine("history-switch", ProcessEngineConfiguration.HISTORY_FULL);
    assertThat(engine.getManagementService().getHistoryLevel()).isEqualTo(3);
  }

  private String run(String key) {
    String instance = engine.getRuntimeService().startProcessInstanceByKey(key,
        Map.of("caseId", "case-1", "note", "first")).getId();
    for (Job job : engine.getManagementService().createJobQuery().processInstanceId(instance)
        .list()) {
      engine.getManagementService().executeJob(job.getId());
    }
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance)
        .singleResult();
    engine.getIdentityService().setAuthenticatedUserId("carl");
    try {
      engine.getFormService().submitTaskForm(task.getId(), Map.of("decision", "APPROVE"));
    } finally {
      engine.getIdentityService().clearAuthentication();
    }
    return instance;
  }

  private List<String> activities(String instance) {
    return engine.getHistoryService().createHistoricActivityInstanceQuery()
        .processInstanceId(instance).list().stream()
        .map(HistoricActivityInstance::getActivityId).toList();
  }

  private Map<String, Object> variables(String instance) {
    return engine.getHistoryService().createHistoricVariableInstanceQuery()
        .processInstanceId(instance).list().stream().collect(java.util.stream.Collectors.toMap(
            HistoricVariableInstance::getName, v -> String.valueOf(v.getValue())));
  }

  private static BpmnModelInstance process(String key) {
    return Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Start")
        .serviceTask("Task_Record").camundaAsyncBefore().camundaDelegateExpression("${record}")
        .exclusiveGateway("Gateway_Decided")
        .userTask("Task_Decide")
        .endEvent("EndEvent_Done").done();
  }

  private static ProcessEngine engine(String name, String history) {
    StandaloneInMemProcessEngineConfiguration configuration =
        new StandaloneInMemProcessEngineConfiguration();
    configuration.setProcessEngineName(name);
    configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    configuration.setHistory(history);
    configuration.setJobExecutorActivate(false);
    JavaDelegate record = execution -> {
      execution.setVariable("caseId", "case-2");
      execution.setVariable("note", "second");
    };
    configuration.setBeans(Map.of("record", record));
    HistorySettings settings = new HistorySettings(Map.of("LeanProcess", "lean",
        "FullProcess", "full"), List.of("caseId"),
        List.of("exclusiveGateway", "serviceTask"));
    configuration.getProcessEnginePlugins().add(new PerProcessHistory(settings));
    return configuration.buildProcessEngine();
  }
}
