package com.oversight.risk;

import com.oversight.platform.ProcessKeys;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;

/**
 * The real decision table {@code processes/human-rights-risk.dmn} (from the classpath) on a
 * standalone DMN engine, for tests: no Spring, no process engine.
 */
final class RiskTable {

  static final String RESOURCE = "processes/human-rights-risk.dmn";
  private static final DmnEngine ENGINE =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
  static final DmnModelInstance MODEL = readModel();
  static final DmnDecision DECISION = ENGINE.parseDecision(ProcessKeys.RISK_DECISION, MODEL);
  static final RuleCatalog CATALOG = RuleCatalog.of(MODEL, ProcessKeys.RISK_DECISION);

  private RiskTable() {}

  static List<RuleOutcome> evaluate(RiskInputs inputs) {
    return RuleOutcome.from(ENGINE.evaluateDecision(DECISION, inputs.toVariables()));
  }

  /** Table plus guardrails: what the service computes. */
  static RiskAggregation.Result assess(RiskInputs inputs) {
    return RiskAggregation.aggregate(inputs, evaluate(inputs));
  }

  private static DmnModelInstance readModel() {
    try (InputStream in = RiskTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath: run mvn process-resources");
      }
      return Dmn.readModelFromStream(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
