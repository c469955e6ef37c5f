package com.oversight.operations;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The process figures an operator watches, read with Camunda's public query APIs: counts only,
 * never a variable, a task's name or any case's content. Computed when asked, then kept for
 * {@code oversight.operations.metrics-cache} (default 30 s) so that frequent scrapes by several
 * Prometheus servers do not query the database each time.
 */
@Component
public class ProcessFigures {

  /** Label value for tasks without a candidate group (assigned to a person directly). */
  public static final String NO_GROUP = "none";

  /** More running instances of one process than this are counted, not located by activity. */
  static final int MAX_INSTANCES_LOCATED = 5000;

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
    Map<String, Long> running = new TreeMap<>();
    Map<String, Map<String, Long>> atActivity = new TreeMap<>();
    Map<String, Long> incidents = new TreeMap<>();
    for (String key : keys) {
      running.put(key, runtimeService.createProcessInstanceQuery().processDefinitionKey(key)
          .count());
      atActivity.put(key, instancesAtActivity(key));
      incidents.put(key, runtimeService.createIncidentQuery().processDefinitionKeyIn(key)
          .count());
    }
    return new Snapshot(now, running, atActivity, overdueTasks(now), incidents,
        managementService.createJobQuery().executable().active().count(),
        managementService.createJobQuery().noRetriesLeft().count());
  }

  /** Where the running instances of one process wait: the leaves of each instance's tree. */
  private Map<String, Long> instancesAtActivity(String key) {
    Map<String, Set<String>> instances = new TreeMap<>();
    for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
        .processDefinitionKey(key).listPage(0, MAX_INSTANCES_LOCATED)) {
      ActivityInstance tree = runtimeService.getActivityInstance(instance.getId());
      if (tree == null) {
        continue;
      }
      for (String activity : leaves(tree, new ArrayList<>())) {
        instances.computeIfAbsent(activity, a -> new HashSet<>()).add(instance.getId());
      }
    }
    Map<String, Long> counts = new TreeMap<>();
    instances.forEach((activity, ids) -> counts.put(activity, (long) ids.size()));
    return counts;
  }

  private static List<String> leaves(ActivityInstance node, List<String> found) {
    // a transition instance: waiting at an asynchronous continuation before or after an activity
    for (TransitionInstance transition : node.getChildTransitionInstances()) {
      found.add(transition.getActivityId());
    }
    if (node.getChildActivityInstances().length == 0
        && node.getChildTransitionInstances().length == 0
        && node.getParentActivityInstanceId() != null) {
      found.add(node.getActivityId());
    }
    for (ActivityInstance child : node.getChildActivityInstances()) {
      leaves(child, found);
    }
    return found;
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
