package com.oversight.models;

import java.io.ByteArrayInputStream;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Definitions;
import org.camunda.bpm.model.xml.instance.DomElement;

/** Rules for DMN decision models (*.dmn), read with the Camunda DMN model API. */
final class DmnModelRules {

  private DmnModelRules() {}

  static void check(byte[] content, Violations violations) {
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(content));
    } catch (RuntimeException e) {
      violations.add("(file)", "not a readable DMN model: " + e.getMessage());
      return;
    }
    Definitions definitions = model.getDefinitions();
    ModelRules.checkPlatform(definitions.getDomElement(), definitions.getId(), violations);

    Set<String> shapes = diagramShapes(model.getDocument().getRootElement());
    if (shapes == null) {
      violations.add(definitions.getId(), "no diagram interchange (DMNDI): open and save the file in Camunda Modeler");
    }
    for (Decision decision : model.getModelElementsByType(Decision.class)) {
      String id = decision.getId();
      if (!IdConventions.hasPrefix(id, "Decision")) {
        violations.add(id, IdConventions.expectation("Decision"));
      }
      if (ModelRules.isBlank(decision.getCamundaHistoryTimeToLiveString())) {
        violations.add(id, "decision has no camunda:historyTimeToLive");
      }
      if (shapes != null && !shapes.contains(id)) {
        violations.add(id, "decision has no shape in the diagram");
      }
    }
  }

  /** The ids of the elements drawn in the DMNDI diagrams, or null when there is no DMNDI. */
  private static Set<String> diagramShapes(DomElement root) {
    Set<String> shapes = new HashSet<>();
    boolean found = collectShapes(root, shapes);
    return found ? shapes : null;
  }

  private static boolean collectShapes(DomElement element, Set<String> shapes) {
    boolean diagram = "DMNDiagram".equals(element.getLocalName());
    if ("DMNShape".equals(element.getLocalName())) {
      shapes.add(element.getAttribute("dmnElementRef"));
    }
    for (DomElement child : element.getChildElements()) {
      diagram |= collectShapes(child, shapes);
    }
    return diagram;
  }
}
