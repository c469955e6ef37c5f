package com.oversight.models;

import java.io.ByteArrayInputStream;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Collaboration;
import org.camunda.bpm.model.bpmn.instance.DataObject;
import org.camunda.bpm.model.bpmn.instance.DataObjectReference;
import org.camunda.bpm.model.bpmn.instance.DataStoreReference;
import org.camunda.bpm.model.bpmn.instance.Definitions;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.ExtensionElements;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.IntermediateThrowEvent;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.MessageFlow;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnDiagram;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaFailedJobRetryTimeCycle;

/** Rules for BPMN process models (*.bpmn), read with the Camunda BPMN model API. */
final class BpmnModelRules {

  private static final Pattern BEAN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z_$][A-Za-z0-9_$]*)}");

  private final Set<String> formIds;
  private final Set<String> beanNames;

  /**
   * @param formIds the ids of the forms in processes/*.form
   * @param beanNames Oversight's Spring bean names, or null to skip the delegate-bean check
   */
  BpmnModelRules(Set<String> formIds, Set<String> beanNames) {
    this.formIds = formIds;
    this.beanNames = beanNames;
  }

  void check(byte[] content, Violations violations) {
    BpmnModelInstance model;
    try {
      model = Bpmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      violations.add("(file)", "not a readable BPMN model: " + e.getMessage());
      return;
    }
    Definitions definitions = model.getDefinitions();
    ModelRules.checkPlatform(definitions.getDomElement(), definitions.getId(), violations);
    checkDiagram(model, definitions.getId(), violations);
    for (Process process : model.getModelElementsByType(Process.class)) {
      checkProcess(process, violations);
    }
    for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
      checkId(element, violations);
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      checkUserTask(task, violations);
    }
    for (ServiceTask task : model.getModelElementsByType(ServiceTask.class)) {
      checkJob(task, "service task", hasImplementation(task.getCamundaClass(),
          task.getCamundaDelegateExpression(), task.getCamundaExpression(), task.getCamundaType(),
          task.getCamundaTopic()), task.getCamundaDelegateExpression(), violations);
    }
    for (SendTask task : model.getModelElementsByType(SendTask.class)) {
      checkJob(task, "send task", hasImplementation(task.getCamundaClass(),
          task.getCamundaDelegateExpression(), task.getCamundaExpression(), task.getCamundaType(),
          task.getCamundaTopic()), task.getCamundaDelegateExpression(), violations);
    }
    for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
      boolean implemented = !ModelRules.isBlank(task.getCamundaDecisionRef())
          || hasImplementation(task.getCamundaClass(), task.getCamundaDelegateExpression(),
              task.getCamundaExpression(), task.getCamundaType(), task.getCamundaTopic());
      checkJob(task, "business rule task", implemented, task.getCamundaDelegateExpression(),
          violations);
    }
  }

  private void checkDiagram(BpmnModelInstance model, String definitionsId, Violations violations) {
    if (model.getModelElementsByType(BpmnDiagram.class).isEmpty()) {
      violations.add(definitionsId,
          "no diagram interchange (BPMNDiagram): open and save the file in Camunda Modeler");
      return;
    }
    Set<String> shapes = model.getModelElementsByType(BpmnShape.class).stream()
        .filter(shape -> shape.getBpmnElement() != null)
        .map(shape -> shape.getBpmnElement().getId()).collect(Collectors.toSet());
    Set<String> edges = model.getModelElementsByType(BpmnEdge.class).stream()
        .filter(edge -> edge.getBpmnElement() != null)
        .map(edge -> edge.getBpmnElement().getId()).collect(Collectors.toSet());
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      if (!shapes.contains(node.getId())) {
        violations.add(node.getId(), "flow node has no shape in the diagram");
      }
    }
    for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
      if (!edges.contains(flow.getId())) {
        violations.add(flow.getId(), "sequence flow has no edge in the diagram");
      }
    }
  }

  private static void checkProcess(Process process, Violations violations) {
    String id = process.getId();
    if (!IdConventions.isProcessId(id)) {
      violations.add(id, "process id does not follow the naming convention "
          + "(expected PascalCase ending in \"Process\", e.g. SaleApprovalProcess)");
    }
    if (!process.isExecutable()) {
      violations.add(id, "process is not executable (isExecutable=\"true\")");
    }
    if (ModelRules.isBlank(process.getCamundaHistoryTimeToLiveString())) {
      violations.add(id, "process has no camunda:historyTimeToLive");
    }
  }

  private void checkUserTask(UserTask task, Violations violations) {
    String id = task.getId();
    String formRef = task.getCamundaFormRef();
    if (ModelRules.isBlank(formRef) && ModelRules.isBlank(task.getCamundaFormKey())) {
      violations.add(id, "user task has no form (camunda:formRef or camunda:formKey)");
    }
    if (!ModelRules.isBlank(formRef) && !formIds.contains(formRef)) {
      violations.add(id, "camunda:formRef \"" + formRef + "\" names no form in processes/*.form");
    }
    if (ModelRules.isBlank(task.getCamundaCandidateGroups())) {
      violations.add(id, "user task has no candidate groups (camunda:candidateGroups)");
    }
    if (ModelRules.isBlank(task.getCamundaDueDate())) {
      violations.add(id, "user task has no due date (camunda:dueDate)");
    }
  }

  private void checkJob(Task task, String kind, boolean implemented, String delegateExpression,
      Violations violations) {
    String id = task.getId();
    if (!implemented) {
      violations.add(id, kind + " has no implementation (camunda:delegateExpression, class, "
          + "expression" + (task instanceof BusinessRuleTask ? ", decisionRef" : "")
          + " or external topic)");
    }
    if (!task.isCamundaAsyncBefore()) {
      violations.add(id, kind + " is not asynchronous (camunda:asyncBefore=\"true\")");
    }
    if (!hasRetryCycle(task)) {
      violations.add(id, kind + " has no retry cycle (camunda:failedJobRetryTimeCycle)");
    }
    checkBean(id, delegateExpression, violations);
  }

  private void checkBean(String id, String delegateExpression, Violations violations) {
    if (beanNames == null || ModelRules.isBlank(delegateExpression)) {
      return;
    }
    Matcher bean = BEAN_REFERENCE.matcher(delegateExpression.trim());
    if (bean.matches() && !beanNames.contains(bean.group(1))) {
      violations.add(id, "camunda:delegateExpression " + delegateExpression
          + " names no Spring bean of Oversight");
    }
  }

  private static boolean hasImplementation(String className, String delegateExpression,
      String expression, String type, String topic) {
    boolean external = "external".equals(type) && !ModelRules.isBlank(topic);
    return external || !ModelRules.isBlank(className) || !ModelRules.isBlank(delegateExpression)
        || !ModelRules.isBlank(expression);
  }

  private static boolean hasRetryCycle(Task task) {
    ExtensionElements extensions = task.getExtensionElements();
    return extensions != null && extensions.getElementsQuery()
        .filterByType(CamundaFailedJobRetryTimeCycle.class).list().stream()
        .anyMatch(cycle -> !ModelRules.isBlank(cycle.getTextContent()));
  }

  private static void checkId(BaseElement element, Violations violations) {
    String[] prefixes = prefixes(element);
    if (prefixes.length > 0 && !IdConventions.hasPrefix(element.getId(), prefixes)) {
      violations.add(element.getId(), IdConventions.expectation(prefixes));
    }
  }

  /** The id prefixes allowed for an element; none for elements without a convention. */
  private static String[] prefixes(BaseElement element) {
    if (element instanceof StartEvent) {
      return new String[] {"StartEvent"};
    } else if (element instanceof EndEvent) {
      return new String[] {"EndEvent"};
    } else if (element instanceof BoundaryEvent) {
      return new String[] {"BoundaryEvent"};
    } else if (element instanceof IntermediateCatchEvent
        || element instanceof IntermediateThrowEvent) {
      return new String[] {"Event"};
    } else if (element instanceof Task) {
      return new String[] {"Task"};
    } else if (element instanceof Gateway) {
      return new String[] {"Gateway"};
    } else if (element instanceof SequenceFlow || element instanceof MessageFlow) {
      return new String[] {"Flow"};
    } else if (element instanceof SubProcess) {
      return new String[] {"SubProcess"};
    } else if (element instanceof CallActivity) {
      return new String[] {"CallActivity"};
    } else if (element instanceof DataObject || element instanceof DataObjectReference) {
      return new String[] {"DataObject", "DataObjectReference"};
    } else if (element instanceof DataStoreReference) {
      return new String[] {"DataStore", "DataStoreReference"};
    } else if (element instanceof Lane) {
      return new String[] {"Lane"};
    } else if (element instanceof Participant) {
      return new String[] {"Participant"};
    } else if (element instanceof Collaboration) {
      return new String[] {"Collaboration"};
    }
    return new String[0];
  }
}
