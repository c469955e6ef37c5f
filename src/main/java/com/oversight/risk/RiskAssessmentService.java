package com.oversight.risk;

import com.oversight.platform.ProcessKeys;
import com.oversight.risk.RiskAssessment.DecisionUsed;
import com.oversight.risk.RiskAssessment.MatchedRule;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Service;

/**
 * Assesses a described deal: builds its facts from the reference data, evaluates the latest
 * deployed version of {@code processes/human-rights-risk.dmn}, aggregates the matched rules with
 * the policy guardrails and explains the result. Stores nothing.
 */
@Service
public class RiskAssessmentService {

  private final RiskFactsBuilder factsBuilder;
  private final DecisionService decisionService;
  private final RepositoryService repositoryService;
  private final Clock clock;
  /** The rules of each deployed version (a deployed decision never changes): read once. */
  private final Map<String, RuleCatalog> catalogs = new ConcurrentHashMap<>();

  public RiskAssessmentService(RiskFactsBuilder factsBuilder, DecisionService decisionService,
      RepositoryService repositoryService, Clock clock) {
    this.factsBuilder = factsBuilder;
    this.decisionService = decisionService;
    this.repositoryService = repositoryService;
    this.clock = clock;
  }

  public RiskAssessment assess(DealDescription deal) {
    RiskFacts facts = factsBuilder.build(deal);
    DecisionDefinition definition = latestDecision();
    DmnDecisionResult result = decisionService.evaluateDecisionById(definition.getId())
        .variables(facts.inputs().toVariables())
        .evaluate();
    List<RuleOutcome> outcomes = RuleOutcome.from(result);
    RiskAggregation.Result aggregate = RiskAggregation.aggregate(facts.inputs(), outcomes);

    RuleCatalog catalog = catalog(definition.getId());
    List<RiskExplainer.Match> matches = outcomes.stream().map(outcome -> {
      RuleCatalog.RuleInfo rule = catalog.ruleOf(outcome).orElse(null);
      return new RiskExplainer.Match(new MatchedRule(rule == null ? null : rule.ruleId(),
          rule == null ? null : rule.description(), outcome.redFlag(), outcome.minimumTier(),
          outcome.reason()), rule == null ? List.of() : rule.testedVariables());
    }).toList();

    DecisionUsed decision = new DecisionUsed(definition.getId(), definition.getKey(),
        definition.getVersion(), definition.getResourceName());
    return new RiskAssessment(
        aggregate.tier(),
        aggregate.redFlags(),
        RiskExplainer.explain(facts.provenance(), matches, aggregate),
        matches.stream().map(RiskExplainer.Match::rule).toList(),
        aggregate.guardrailsApplied(),
        RiskExplainer.summary(facts, aggregate, outcomes.size(), decision),
        decision,
        clock.instant(),
        facts.inputs());
  }

  private RuleCatalog catalog(String definitionId) {
    RuleCatalog catalog = catalogs.get(definitionId);
    if (catalog == null) {
      catalog = RuleCatalog.of(repositoryService.getDmnModelInstance(definitionId),
          ProcessKeys.RISK_DECISION);
      if (catalogs.size() >= 32) {
        catalogs.clear(); // many deployments since the start: keep only the ones in use
      }
      catalogs.put(definitionId, catalog);
    }
    return catalog;
  }

  /** The latest deployed version of the risk decision: the one process owners last deployed. */
  private DecisionDefinition latestDecision() {
    DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
        .decisionDefinitionKey(ProcessKeys.RISK_DECISION)
        .latestVersion()
        .singleResult();
    if (definition == null) {
      throw new IllegalStateException("The decision " + ProcessKeys.RISK_DECISION
          + " is not deployed: processes/human-rights-risk.dmn is missing");
    }
    return definition;
  }
}
