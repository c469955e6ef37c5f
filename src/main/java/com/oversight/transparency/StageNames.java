package com.oversight.transparency;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The names a report gives a stage: the process's name and the user task's name from the latest
 * deployed model, without the expressions that put a case's reference or title into the task
 * name at run time ("Vote on sale: ${dealTitle}" becomes "Vote on sale"). So no case reference
 * or agency name ever reaches a report, and the process owners' wording is used.
 */
@Component
class StageNames {

  /** An expression and the words that lead into it: ": ${x}", " on ${x}", " for ${x}". */
  private static final Pattern EXPRESSION =
      Pattern.compile("\\s*:?\\s*(?:\\b(?:on|for|of|about|to)\\s+)?[$#]\\{[^}]*}");

  private final RepositoryService repository;

  StageNames(@Lazy RepositoryService repository) {
    this.repository = repository;
  }

  /** Names for one computation: models are read once per process. */
  Lookup lookup() {
    return new Lookup();
  }

  final class Lookup {

    private final Map<String, BpmnModelInstance> models = new HashMap<>();
    private final Map<String, String> processNames = new HashMap<>();

    String process(String processKey) {
      return processNames.computeIfAbsent(processKey, key -> {
        ProcessDefinition definition = latest(key);
        return definition == null || blank(definition.getName()) ? spaced(key)
            : definition.getName().strip();
      });
    }

    String stage(String processKey, String taskKey) {
      BpmnModelInstance model = models.computeIfAbsent(processKey, key -> {
        ProcessDefinition definition = latest(key);
        return definition == null ? null : repository.getBpmnModelInstance(definition.getId());
      });
      ModelElementInstance element = model == null ? null : model.getModelElementById(taskKey);
      String name = element instanceof FlowElement flow ? flow.getName() : null;
      String cleaned = name == null ? "" : clean(name);
      return cleaned.isEmpty() ? spaced(taskKey) : cleaned;
    }

    private ProcessDefinition latest(String key) {
      return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
          .singleResult();
    }
  }

  /** A task name without its run-time expressions. */
  static String clean(String name) {
    String cleaned = EXPRESSION.matcher(name).replaceAll("").strip();
    while (cleaned.endsWith(":") || cleaned.endsWith("-") || cleaned.endsWith(",")) {
      cleaned = cleaned.substring(0, cleaned.length() - 1).strip();
    }
    return cleaned.replaceAll("\\s+", " ");
  }

  /** "Task_ChairDeliberation" → "Chair deliberation"; "SaleApprovalProcess" → "Sale approval". */
  static String spaced(String key) {
    String bare = key.replaceFirst("^Task_", "").replaceFirst("Process$", "");
    String words = bare.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').strip()
        .toLowerCase(java.util.Locale.ROOT);
    return words.isEmpty() ? key : Character.toUpperCase(words.charAt(0)) + words.substring(1);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
