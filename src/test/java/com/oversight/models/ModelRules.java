package com.oversight.models;

import com.oversight.platform.ModelDeployer.ModelFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.model.xml.instance.DomElement;

/**
 * Oversight's own rules for the process owners' models (BPMN, DMN, Camunda Forms), on top of
 * bpmnlint and dmnlint. Each violation is one message "file: elementId: rule"; see
 * docs/process-owners.md for what each rule means.
 */
final class ModelRules {

  static final String MODELER_NS = "http://camunda.org/schema/modeler/1.0";
  static final String PLATFORM = "Camunda Platform";
  static final String PLATFORM_VERSION = "7.24.0";

  private final Set<String> beanNames;

  /** @param beanNames Oversight's Spring bean names, or null to skip the delegate-bean check */
  ModelRules(Set<String> beanNames) {
    this.beanNames = beanNames;
  }

  /** Checks a set of models together (formRefs resolve against the forms among them). */
  List<String> check(List<ModelFile> models) {
    Set<String> formIds = models.stream().filter(model -> model.name().endsWith(".form"))
        .map(model -> FormModelRules.formId(model.bytes())).flatMap(Optional::stream)
        .collect(Collectors.toSet());
    BpmnModelRules bpmnRules = new BpmnModelRules(formIds, beanNames);
    List<String> messages = new ArrayList<>();
    for (ModelFile model : models) {
      Violations violations = new Violations(model.name());
      if (model.name().endsWith(".bpmn")) {
        bpmnRules.check(model.bytes(), violations);
      } else if (model.name().endsWith(".dmn")) {
        DmnModelRules.check(model.bytes(), violations);
      } else if (model.name().endsWith(".form")) {
        FormModelRules.check(model.bytes(), violations);
      }
      messages.addAll(violations.messages());
    }
    return messages;
  }

  /** modeler:executionPlatform and modeler:executionPlatformVersion on BPMN/DMN definitions. */
  static void checkPlatform(DomElement definitions, String id, Violations violations) {
    if (!PLATFORM.equals(definitions.getAttribute(MODELER_NS, "executionPlatform"))) {
      violations.add(id, "definitions do not declare modeler:executionPlatform=\"" + PLATFORM + "\"");
    }
    if (!PLATFORM_VERSION.equals(definitions.getAttribute(MODELER_NS, "executionPlatformVersion"))) {
      violations.add(id, "definitions do not declare modeler:executionPlatformVersion=\""
          + PLATFORM_VERSION + "\"");
    }
  }

  static boolean isBlank(String value) {
    return value == null || value.isBlank();
  }
}
