package com.oversight.dashboard;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.stereotype.Component;

/**
 * Readable names of processes and their activities, from the deployed models (what the process
 * owners typed in Camunda Modeler). A model never changes once deployed, so each version's names
 * are read once; an activity is named after the newest version that has it.
 */
@Component
class ProcessNames {

  /** Camunda's suffix of the activity that wraps a multi-instance task. */
  private static final String MULTI_INSTANCE_BODY = "#multiInstanceBody";

  private final RepositoryService repositoryService;
  private final Map<String, Map<String, String>> namesByDefinition = new ConcurrentHashMap<>();

  ProcessNames(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  /** The process's name in its latest version, or its key when it has none. */
  String process(String key) {
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).latestVersion().singleResult();
    return latest == null ? key : readable(latest.getName(), key);
  }

  /** Activity id to name over every deployed version of the process (newest wins). */
  Map<String, String> activities(String key) {
    Map<String, String> names = new HashMap<>();
    for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(key).orderByProcessDefinitionVersion().asc().list()) {
      names.putAll(namesByDefinition.computeIfAbsent(definition.getId(), this::read));
    }
    return names;
  }

  /** The name of an activity from {@link #activities}, or its id when it has none. */
  static String activity(Map<String, String> names, String activityId) {
    String id = activityId.endsWith(MULTI_INSTANCE_BODY)
        ? activityId.substring(0, activityId.length() - MULTI_INSTANCE_BODY.length())
        : activityId;
    return names.getOrDefault(id, id);
  }

  private Map<String, String> read(String definitionId) {
    BpmnModelInstance model = repositoryService.getBpmnModelInstance(definitionId);
    Map<String, String> names = new HashMap<>();
    if (model != null) {
      Collection<FlowElement> elements = model.getModelElementsByType(FlowElement.class);
      for (FlowElement element : elements) {
        if (element.getId() != null && element.getName() != null) {
          names.put(element.getId(), readable(element.getName(), element.getId()));
        }
      }
    }
    return Map.copyOf(names);
  }

  /**
   * A name on one line (models break long names over lines), without the expressions that
   * make a task's name in Tasklist ({@code Review low-risk sale: ${dealTitle}} is "Review
   * low-risk sale": the dashboard never shows a case's data), or the fallback if blank.
   */
  static String readable(String name, String fallback) {
    if (name == null) {
      return fallback;
    }
    String line = name.replaceAll("[$#]\\{[^}]*}", " ").replaceAll("\\s+", " ").strip()
        .replaceAll("[\\s:,;–-]+$", "");
    return line.isEmpty() ? fallback : line;
  }
}
