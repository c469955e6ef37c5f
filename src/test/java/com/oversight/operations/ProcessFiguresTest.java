package com.oversight.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.oversight.testing.InMemoryEngines;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.ProcessBuilder;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * "Open cases by stage" (the dashboard and {@code oversight_process_instances_at_activity}): a
 * case counts once at each activity where it waits, however many tokens it has there (the
 * committee's parallel votes are one case at the vote), at every activity of parallel branches,
 * at an asynchronous continuation, inside a sub-process (not at the sub-process), summed over the
 * process's deployed versions, and at a parallel join while it waits for the other branches.
 * The figures come from the engine's activity statistics and equal the count made instance by
 * instance from each instance's activity tree (how Oversight counted before).
 */
class ProcessFiguresTest {

  static final String KEY = "FiguresProcess";

  /** The in-memory engine (test models only: no coverage asserted). */
  @RegisterExtension
  static final ProcessEngineCoverageExtension ENGINE = ProcessEngineCoverageExtension
      .builder(InMemoryEngines.configuration("process-figures", Map.of())).build();

  private static ProcessEngine engine;
  private ProcessFigures figures;

  @BeforeEach
  void figures() {
    engine = ENGINE.getProcessEngine();
    figures = new ProcessFigures(engine.getRepositoryService(), engine.getRuntimeService(),
        engine.getTaskService(), engine.getManagementService(), engine.getIdentityService(),
        Clock.systemUTC(), Duration.ZERO);
  }

  @Test
  void casesAreCountedOnceAtEachStageOverVersionsBranchesAndParallelTokens() {
    RuntimeService runtime = engine.getRuntimeService();
    TaskService tasks = engine.getTaskService();
    deploy(firstVersion());
    List<ProcessInstance> first = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      first.add(runtime.startProcessInstanceByKey(KEY));
    }
    // case 0: the other branch done (its token waits at the join), one of three reviews done
    tasks.complete(task(first.get(0), "Task_Other"));
    tasks.complete(tasks.createTaskQuery().processInstanceId(first.get(0).getId())
        .taskDefinitionKey("Task_Review").list().get(0).getId());
    // case 1: the non-interrupting reminder fires twice (two reminder tasks)
    for (int i = 0; i < 2; i++) {
      Job reminder = engine.getManagementService().createJobQuery()
          .processInstanceId(first.get(1).getId()).timers().singleResult();
      engine.getManagementService().executeJob(reminder.getId());
    }
    // case 2: two notes by the non-interrupting event sub-process
    for (int i = 0; i < 2; i++) {
      runtime.createMessageCorrelation("note").processInstanceId(first.get(2).getId())
          .correlate();
    }
    deploy(secondVersion());
    for (int i = 0; i < 2; i++) {
      runtime.startProcessInstanceByKey(KEY);
    }

    Map<String, Long> stages = figures.compute(Instant.now()).instancesAtActivity().get(KEY);

    assertThat(stages).isEqualTo(countedInstanceByInstance());
    assertThat(stages).containsEntry("Task_Review", 5L) // 3 cases of version 1, 2 of version 2
        .containsEntry("Task_Other", 2L)
        .containsEntry("Task_Reminder", 1L)
        .containsEntry("Task_Note", 1L)
        .containsEntry("Task_Async", 5L)
        .containsEntry("Task_Inner", 3L)
        .containsEntry("Gateway_Join", 1L)
        .doesNotContainKeys("SubProcess_Inner", "Gateway_Split");
    assertThat(figures.compute(Instant.now()).runningInstances()).containsEntry(KEY, 5L);
  }

  /** How the figure was counted before: the leaves of every running instance's tree. */
  private static Map<String, Long> countedInstanceByInstance() {
    Map<String, Long> counts = new TreeMap<>();
    InstanceByInstanceStages.casesByActivity(engine.getRuntimeService(),
            engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).list())
        .forEach((activity, ids) -> counts.put(activity, (long) ids.size()));
    return counts;
  }

  private static String task(ProcessInstance instance, String key) {
    return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
        .taskDefinitionKey(key).singleResult().getId();
  }

  private static void deploy(BpmnModelInstance model) {
    engine.getRepositoryService().createDeployment()
        .addModelInstance("figures.bpmn", model).deploy();
  }

  /**
   * Four parallel branches: three reviews (parallel multi-instance), a task with a repeating
   * non-interrupting reminder, an asynchronous service task, a sub-process; and a
   * non-interrupting event sub-process.
   */
  private static BpmnModelInstance firstVersion() {
    ProcessBuilder process = Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1);
    process.eventSubProcess("SubProcess_Note").startEvent("StartEvent_Note")
        .interrupting(false).message("note").userTask("Task_Note").endEvent("EndEvent_Note");
    return process.startEvent("StartEvent_Figures")
        .parallelGateway("Gateway_Split")
        .userTask("Task_Review").multiInstance().parallel().cardinality("3")
        .multiInstanceDone()
        .parallelGateway("Gateway_Join")
        .userTask("Task_After").endEvent("EndEvent_Figures")
        .moveToNode("Gateway_Split")
        .userTask("Task_Other")
        .boundaryEvent("BoundaryEvent_Reminder").cancelActivity(false).timerWithCycle("R/PT1H")
        .userTask("Task_Reminder").endEvent("EndEvent_Reminder")
        .moveToActivity("Task_Other").connectTo("Gateway_Join")
        .moveToNode("Gateway_Split")
        .serviceTask("Task_Async").camundaAsyncBefore().camundaExpression("${true}")
        .connectTo("Gateway_Join")
        .moveToNode("Gateway_Split")
        .subProcess("SubProcess_Inner").embeddedSubProcess().startEvent("StartEvent_Inner")
        .userTask("Task_Inner").endEvent("EndEvent_Inner").subProcessDone()
        .connectTo("Gateway_Join")
        .done();
  }

  /** Two reviews beside the asynchronous service task. */
  private static BpmnModelInstance secondVersion() {
    return Bpmn.createExecutableProcess(KEY).camundaHistoryTimeToLive(1)
        .startEvent("StartEvent_Figures")
        .parallelGateway("Gateway_Split")
        .userTask("Task_Review").multiInstance().parallel().cardinality("2")
        .multiInstanceDone()
        .parallelGateway("Gateway_Join")
        .endEvent("EndEvent_Figures")
        .moveToNode("Gateway_Split")
        .serviceTask("Task_Async").camundaAsyncBefore().camundaExpression("${true}")
        .connectTo("Gateway_Join")
        .done();
  }
}
