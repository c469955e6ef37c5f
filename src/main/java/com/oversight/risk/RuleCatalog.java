package com.oversight.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.InputEntry;
import org.camunda.bpm.model.dmn.instance.OutputEntry;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The rules of the decision table as a process owner wrote them: id, annotation, the variables
 * each rule tests and its outputs. Used to name the rules that matched and the factors they
 * read, so the explanation says which factor raised the tier.
 */
public final class RuleCatalog {

  /** One rule: what it tests (variables with a non-empty condition) and what it yields. */
  public record RuleInfo(String ruleId, String description, List<String> testedVariables,
      String redFlag, String minimumTier, String reason) {

    boolean yields(RuleOutcome outcome) {
      return Objects.equals(redFlag, outcome.redFlag())
          && outcome.minimumTier().name().equals(minimumTier)
          && Objects.equals(reason, outcome.reason());
    }
  }

  private final List<RuleInfo> rules;

  private RuleCatalog(List<RuleInfo> rules) {
    this.rules = List.copyOf(rules);
  }

  public static RuleCatalog of(DmnModelInstance model, String decisionKey) {
    Decision decision = model.getModelElementById(decisionKey);
    if (decision == null || !(decision.getExpression() instanceof DecisionTable table)) {
      throw new IllegalStateException("No decision table '" + decisionKey + "' in the model");
    }
    List<String> variables = table.getInputs().stream()
        .map(RuleCatalog::variableOf).toList();
    List<String> outputs = table.getOutputs().stream().map(o -> o.getName()).toList();
    List<RuleInfo> infos = new ArrayList<>();
    for (Rule rule : table.getRules()) {
      List<String> tested = new ArrayList<>();
      int i = 0;
      for (InputEntry entry : rule.getInputEntries()) {
        String text = text(entry.getText() == null ? null : entry.getText().getTextContent());
        if (text != null && !text.equals("-") && i < variables.size()) {
          tested.add(variables.get(i));
        }
        i++;
      }
      String flag = null;
      String tier = null;
      String reason = null;
      int o = 0;
      for (OutputEntry entry : rule.getOutputEntries()) {
        String value = unquote(text(entry.getText() == null ? null
            : entry.getText().getTextContent()));
        String name = o < outputs.size() ? outputs.get(o) : "";
        switch (name) {
          case RuleOutcome.RED_FLAG -> flag = value;
          case RuleOutcome.MINIMUM_TIER -> tier = value;
          case RuleOutcome.REASON -> reason = value == null ? "" : value;
          default -> { }
        }
        o++;
      }
      String description = rule.getDescription() == null ? null
          : text(rule.getDescription().getTextContent());
      infos.add(new RuleInfo(rule.getId(), description, List.copyOf(tested), flag, tier, reason));
    }
    return new RuleCatalog(infos);
  }

  public List<RuleInfo> rules() {
    return rules;
  }

  /** The first rule whose outputs are those of the outcome. */
  public Optional<RuleInfo> ruleOf(RuleOutcome outcome) {
    return rules.stream().filter(r -> r.yields(outcome)).findFirst();
  }

  private static String variableOf(Input input) {
    String expression = input.getInputExpression() == null
        || input.getInputExpression().getText() == null ? null
        : input.getInputExpression().getText().getTextContent();
    return expression == null ? input.getLabel() : expression.trim();
  }

  private static String text(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    return raw.trim();
  }

  private static String unquote(String text) {
    if (text != null && text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
      return text.substring(1, text.length() - 1);
    }
    return text;
  }
}
