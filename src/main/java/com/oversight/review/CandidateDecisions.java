package com.oversight.review;

import com.oversight.platform.ApiProblem;
import com.oversight.platform.CachedFeelExpressions;
import com.oversight.platform.ProcessKeys;
import com.oversight.referencedata.AbuseLevel;
import com.oversight.risk.CapabilityClass;
import com.oversight.risk.CivicSpace;
import com.oversight.risk.CustomerType;
import com.oversight.risk.EndUseCategory;
import com.oversight.risk.FreedomStatus;
import com.oversight.risk.IndicatorData;
import com.oversight.risk.RiskInputs;
import com.oversight.risk.RuleOutcome;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.springframework.stereotype.Component;

/**
 * Candidate versions of {@code processes/human-rights-risk.dmn}: parsed with a standalone DMN
 * engine (Camunda's public {@link DmnEngine} API, configured like the process engine's: FEEL, the
 * simple forms evaluated directly by {@link CachedFeelExpressions}; built at the first use) and
 * checked against the deployed decision: the decision {@code Decision_HumanRightsRisk} must be
 * there as a decision table with the same inputs (expression and type) and the outputs
 * {@code redFlag}, {@code minimumTier} and {@code reason}, and it must evaluate. Anything else is a
 * 400 naming {@code dmnXml}.
 */
@Component
public class CandidateDecisions {

  public static final String FIELD = "dmnXml";
  /** The largest candidate accepted (the deployed table is about 50,000 characters). */
  public static final int MAX_LENGTH = 1_000_000;
  static final List<String> OUTPUTS = List.of(RuleOutcome.RED_FLAG, RuleOutcome.MINIMUM_TIER,
      RuleOutcome.REASON);

  /** A parsed candidate: the decision to evaluate and its name. */
  public record Candidate(DmnDecision decision, String name) {}

  /** Made at the first replay: the DMN engine Oversight's process engine uses (simple FEEL first). */
  private volatile DmnEngine engine;
  private final RepositoryService repositoryService;

  public CandidateDecisions(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public DmnEngine engine() {
    DmnEngine built = engine;
    if (built == null) {
      synchronized (this) {
        built = engine;
        if (built == null) {
          built = CachedFeelExpressions.configure((DefaultDmnEngineConfiguration)
              DmnEngineConfiguration.createDefaultDmnEngineConfiguration()).buildEngine();
          engine = built;
        }
      }
    }
    return built;
  }

  /** Parses and checks a candidate against the deployed decision. */
  public Candidate parse(String dmnXml) {
    if (dmnXml == null || dmnXml.isBlank()) {
      throw ApiProblem.badField(FIELD, "the candidate DMN file is required");
    }
    if (dmnXml.length() > MAX_LENGTH) {
      throw ApiProblem.badField(FIELD, "the candidate is larger than " + MAX_LENGTH
          + " characters");
    }
    if (dmnXml.toUpperCase(Locale.ROOT).contains("<!DOCTYPE")) {
      throw ApiProblem.badField(FIELD, "a DOCTYPE is not allowed in a DMN file");
    }
    DmnModelInstance model;
    try {
      model = Dmn.readModelFromStream(new ByteArrayInputStream(
          dmnXml.getBytes(StandardCharsets.UTF_8)));
    } catch (RuntimeException e) {
      throw ApiProblem.badField(FIELD, "not a readable DMN 1.3 file (" + shortMessage(e) + ")");
    }
    DecisionTable candidateTable = table(model, "the candidate");
    DecisionTable deployedTable = table(deployedModel(), "the deployed decision");
    Set<String> candidateInputs = inputs(candidateTable);
    Set<String> deployedInputs = inputs(deployedTable);
    if (!candidateInputs.equals(deployedInputs)) {
      Set<String> missing = new TreeSet<>(deployedInputs);
      missing.removeAll(candidateInputs);
      Set<String> extra = new TreeSet<>(candidateInputs);
      extra.removeAll(deployedInputs);
      throw ApiProblem.badField(FIELD, "the inputs of " + ProcessKeys.RISK_DECISION
          + " differ from the deployed decision's (inputs are expression:type)"
          + (missing.isEmpty() ? "" : "; missing " + missing)
          + (extra.isEmpty() ? "" : "; not known " + extra));
    }
    Set<String> outputs = new LinkedHashSet<>();
    for (Output output : candidateTable.getOutputs()) {
      outputs.add(output.getName());
    }
    if (!outputs.containsAll(OUTPUTS)) {
      throw ApiProblem.badField(FIELD, "the decision table must have the outputs " + OUTPUTS
          + " (it has " + outputs + ")");
    }
    DmnDecision decision;
    try {
      decision = engine().parseDecision(ProcessKeys.RISK_DECISION, model);
    } catch (RuntimeException e) {
      throw ApiProblem.badField(FIELD, "the DMN engine cannot parse the decision ("
          + shortMessage(e) + ")");
    }
    for (RiskInputs sample : samples()) {
      try {
        RuleOutcome.from(engine().evaluateDecision(decision, sample.toVariables()));
      } catch (RuntimeException e) {
        throw ApiProblem.badField(FIELD, "the decision cannot be evaluated ("
            + shortMessage(e) + ")");
      }
    }
    Decision element = model.getModelElementById(ProcessKeys.RISK_DECISION);
    String name = element.getName() == null ? ProcessKeys.RISK_DECISION : element.getName();
    return new Candidate(decision, name);
  }

  private DmnModelInstance deployedModel() {
    DecisionDefinition deployed = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ProcessKeys.RISK_DECISION).latestVersion().singleResult();
    if (deployed == null) {
      throw new IllegalStateException("The decision " + ProcessKeys.RISK_DECISION
          + " is not deployed");
    }
    return repositoryService.getDmnModelInstance(deployed.getId());
  }

  private static DecisionTable table(DmnModelInstance model, String what) {
    Object element = model.getModelElementById(ProcessKeys.RISK_DECISION);
    if (!(element instanceof Decision decision)) {
      throw ApiProblem.badField(FIELD, what + " has no decision with the id "
          + ProcessKeys.RISK_DECISION);
    }
    if (!(decision.getExpression() instanceof DecisionTable table)) {
      throw ApiProblem.badField(FIELD, ProcessKeys.RISK_DECISION + " in " + what
          + " is not a decision table");
    }
    return table;
  }

  /** The inputs as "expression:type", e.g. {@code freedomScore:double}. */
  private static Set<String> inputs(DecisionTable table) {
    Set<String> inputs = new TreeSet<>();
    for (Input input : table.getInputs()) {
      String expression = input.getInputExpression() == null
          || input.getInputExpression().getText() == null ? ""
          : input.getInputExpression().getText().getTextContent().trim();
      String type = input.getInputExpression() == null ? null
          : input.getInputExpression().getTypeRef();
      inputs.add(expression + ":" + type);
    }
    return inputs;
  }

  /** Inputs that make most rules of the table look at most entries: a benign and a grave deal. */
  static List<RiskInputs> samples() {
    List<RiskInputs> samples = new ArrayList<>();
    samples.add(new RiskInputs(false, null, FreedomStatus.FREE, 95.0, 1.5, 1.5, CivicSpace.OPEN,
        CustomerType.LAW_ENFORCEMENT, CapabilityClass.CYBER_DEFENCE, EndUseCategory.TERRORISM,
        true, true, IndicatorData.COMPLETE));
    samples.add(new RiskInputs(true, AbuseLevel.AT_RISK_GROUP_TARGETING, FreedomStatus.NOT_FREE,
        10.0, -2.0, -2.0, CivicSpace.CLOSED, CustomerType.INTELLIGENCE,
        CapabilityClass.REMOTE_DEVICE_INTRUSION, EndUseCategory.PUBLIC_ORDER, false, false,
        IndicatorData.MISSING));
    samples.add(new RiskInputs(false, AbuseLevel.SUSPECTED_OPERATOR, FreedomStatus.PARTLY_FREE,
        null, null, null, CivicSpace.NARROWED, CustomerType.MILITARY,
        CapabilityClass.NETWORK_INTERCEPTION, EndUseCategory.NATIONAL_SECURITY, true, true,
        IndicatorData.STALE));
    return samples;
  }

  private static String shortMessage(Exception e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.length() > 300 ? message.substring(0, 300) + "…" : message;
  }
}
