package com.oversight.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Date;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.management.ProcessDefinitionStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The process figures an operator watches, read with Camunda's public query APIs: counts only,
 * never a variable, a task's name or any case's content. Open cases by stage come from the
 * engine's activity statistics: a fixed number of aggregate queries, however many cases are
 * open. Computed when asked, then kept for
 * {@code oversight.operations.metrics-cache} (default 30 s) so that frequent scrapes by several
 * Prometheus servers do not query the database each time.
 */
@Component
public class ProcessFigures {

  /** Label value for tasks without a candidate group (assigned to a person directly). */
  public static final String NO_GROUP = "none";

  /** One computation: all counts at one moment. */
  public record Snapshot(
      Instant takenAt,
      /* process definition key -> running instances */
      Map<String, Long> runningInstances,
      /* process definition key -> activity id -> instances waiting there */
      Map<String, Map<String, Long>> instancesAtActivity,
      /* candidate group (or NO_GROUP) -> open tasks past their due date */
      Map<String, Long> overdueTasks,
      /* process definition key -> open incidents */
      Map<String, Long> openIncidents,
      long executableJobs,
      long failedJobs) {
  }

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final IdentityService identityService;
  private final Clock clock;
  private final Duration cacheFor;
  private Snapshot cached;
  /** Process definition id -> what the figures need of its model. */
  private final Map<String, ModelFacts> modelFacts = new ConcurrentHashMap<>();

  public ProcessFigures(RepositoryService repositoryService, RuntimeService runtimeService,
      TaskService taskService, ManagementService managementService,
      IdentityService identityService, Clock clock,
      @Value("${oversight.operations.metrics-cache:PT30S}") Duration cacheFor) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.managementService = managementService;
    this.identityService = identityService;
    this.clock = clock;
    this.cacheFor = cacheFor;
  }

  /** The figures, at most {@code metrics-cache} old. */
  public synchronized Snapshot current() {
    Instant now = clock.instant();
    if (cached == null || !now.isBefore(cached.takenAt().plus(cacheFor))) {
      cached = compute(now);
    }
    return cached;
  }

  /** The next {@link #current()} computes afresh. */
  synchronized void invalidate() {
    cached = null;
  }

  /** The figures as of now, without the cache. */
  public Snapshot compute(Instant now) {
    Set<String> keys = new java.util.TreeSet<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
        .latestVersion().list()) {
      keys.add(definition.getKey());
    }
    // the versions of each process with running instances (one query for all)
    Map<String, List<String>> versionsRunning = new TreeMap<>();
    for (ProcessDefinitionStatistics definition : managementService
        .createProcessDefinitionStatisticsQuery().unlimitedList()) {
      if (definition.getInstances() > 0) {
        versionsRunning.computeIfAbsent(definition.getKey(), k -> new ArrayList<>())
            .add(definition.getId());
      }
    }
    Map<String, Long> running = new TreeMap<>();
    Map<String, Map<String, Long>> atActivity = new TreeMap<>();
    Map<String, Long> incidents = new TreeMap<>();
    for (String key : keys) {
      running.put(key, runtimeService.createProcessInstanceQuery().processDefinitionKey(key)
          .count());
      atActivity.put(key, instancesAtActivity(versionsRunning.getOrDefault(key, List.of())));
      incidents.put(key, runtimeService.createIncidentQuery().processDefinitionKeyIn(key)
          .count());
    }
    return new Snapshot(now, running, atActivity, overdueTasks(now), incidents,
        managementService.createJobQuery().executable().active().count(),
        managementService.createJobQuery().noRetriesLeft().count());
  }

  /**
   * Where the running cases of one process wait, from the engine's activity statistics (one
   * aggregate query per deployed version with running instances; the sum over the versions).
   * A case counts once at each activity where it has a token, however many it has there, and a
   * case waiting at a parallel or inclusive join counts there, as in the engine's activity
   * instance tree. The statistics count active tokens, so where one case can hold several at one
   * activity ({@link ModelFacts#severalTokens}) and the statistic is above one, and at each join
   * (its waiting tokens are not active), the cases are counted with a process instance query.
   */
  private Map<String, Long> instancesAtActivity(List<String> definitionIds) {
    Map<String, Long> counts = new TreeMap<>();
    for (String definitionId : definitionIds) {
      ModelFacts model = modelFacts(definitionId);
      Map<String, Long> version = new TreeMap<>();
      for (ActivityStatistics statistics : managementService
          .createActivityStatisticsQuery(definitionId).unlimitedList()) {
        String activity = statistics.getId();
        long instances = statistics.getInstances();
        if (instances > 1 && model.severalTokens().contains(activity)) {
          instances = casesAt(definitionId, activity);
        }
        version.put(activity, instances);
      }
      for (String join : model.joins()) {
        long waiting = casesAt(definitionId, join);
        if (waiting > 0) {
          version.put(join, waiting);
        }
      }
      version.forEach((activity, instances) -> counts.merge(activity, instances, Long::sum));
    }
    return counts;
  }

  private long casesAt(String definitionId, String activity) {
    return runtimeService.createProcessInstanceQuery().processDefinitionId(definitionId)
        .activityIdIn(activity).count();
  }

  /**
   * What the figures need to know of one process version's model.
   *
   * @param severalTokens activities where one case can have several tokens at once: a
   *     multi-instance activity (one token per element; also everything inside a multi-instance
   *     sub-process), everything inside an event sub-process (each non-interrupting start adds
   *     one), and everything a non-interrupting boundary event leads to (each firing adds one)
   * @param joins parallel and inclusive gateways with more than one incoming flow
   */
  record ModelFacts(Set<String> severalTokens, Set<String> joins) {
  }

  /** Read once per version from its model (deployed versions do not change). */
  ModelFacts modelFacts(String definitionId) {
    return modelFacts.computeIfAbsent(definitionId, id -> {
      BpmnModelInstance model = repositoryService.getBpmnModelInstance(id);
      Set<String> found = new HashSet<>();
      for (Activity activity : model.getModelElementsByType(Activity.class)) {
        if (activity.getLoopCharacteristics() != null) {
          addWithContents(activity, found);
        }
      }
      for (SubProcess subProcess : model.getModelElementsByType(SubProcess.class)) {
        if (subProcess.triggeredByEvent()) {
          addWithContents(subProcess, found);
        }
      }
      Deque<FlowNode> next = new ArrayDeque<>();
      for (BoundaryEvent event : model.getModelElementsByType(BoundaryEvent.class)) {
        if (!event.cancelActivity()) {
          next.add(event);
        }
      }
      Set<String> reached = new HashSet<>();
      while (!next.isEmpty()) {
        FlowNode node = next.poll();
        if (reached.add(node.getId())) {
          addWithContents(node, found);
          node.getOutgoing().forEach(flow -> next.add(flow.getTarget()));
        }
      }
      Set<String> joins = new HashSet<>();
      for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
        if ((gateway instanceof ParallelGateway || gateway instanceof InclusiveGateway)
            && gateway.getIncoming().size() > 1) {
          joins.add(gateway.getId());
        }
      }
      return new ModelFacts(Set.copyOf(found), Set.copyOf(joins));
    });
  }

  private static void addWithContents(FlowNode node, Set<String> found) {
    found.add(node.getId());
    if (node instanceof SubProcess subProcess) {
      for (FlowElement element : subProcess.getFlowElements()) {
        if (element instanceof FlowNode child) {
          addWithContents(child, found);
        }
      }
    }
  }

  private Map<String, Long> overdueTasks(Instant now) {
    Date date = Date.from(now);
    Map<String, Long> overdue = new TreeMap<>();
    for (Group group : identityService.createGroupQuery().list()) {
      overdue.put(group.getId(), taskService.createTaskQuery().taskCandidateGroup(group.getId())
          .includeAssignedTasks().dueBefore(date).count());
    }
    overdue.put(NO_GROUP, taskService.createTaskQuery().withoutCandidateGroups().dueBefore(date)
        .count());
    return overdue;
  }
}
