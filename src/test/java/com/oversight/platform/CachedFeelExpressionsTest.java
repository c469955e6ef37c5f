package com.oversight.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A decision table evaluated by the DMN engine as Oversight configures it gives the results of
 * Camunda's default engine, for the FEEL forms evaluated directly and for the others (handed as
 * they are to Camunda's FEEL engine): ranges, negations, escaped strings, expressions and
 * functions. Only the others reach Camunda's engine.
 */
class CachedFeelExpressionsTest {

  static final DmnEngine OVERSIGHT =
      CachedFeelExpressions.configure(new DefaultDmnEngineConfiguration()).buildEngine();
  static final DmnEngine CAMUNDA =
      DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

  @ParameterizedTest
  @ValueSource(strings = {"< 10", "<= 10", "> 10", ">= 10", "[1..10]", "not(5)", "5, 7",
      "\"a\",\"b\"", "\"a\\\"b\"", "not(\"a\")", "\"A\"", "true", "false", "null", "-",
      "< x", "string length(\"ab\") = 2", ">= -0.5", "< 0.1"})
  void aColumnTestedWithGivesCamundasResults(String entry) {
    String type = entry.contains("\"") || entry.contains("string") ? "string"
        : entry.equals("true") || entry.equals("false") ? "boolean" : "double";
    String table = table(type, "-".equals(entry) ? "" : entry);
    List<Object> values = switch (type) {
      case "string" -> Arrays.asList("a", "b", "A", "a\"b", "c", "", null);
      case "boolean" -> Arrays.asList(true, false, null);
      default -> Arrays.asList(-1.0, -0.5, -0.50001, 0.0, 0.1, 0.099, 1.0, 5.0, 7.0, 10.0,
          10.0001, 12, 3L, null);
    };
    DmnDecision oversight = OVERSIGHT.parseDecision("Decision_Test",
        new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
    DmnDecision camunda = CAMUNDA.parseDecision("Decision_Test",
        new ByteArrayInputStream(table.getBytes(StandardCharsets.UTF_8)));
    for (Object value : values) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("input", value);
      variables.put("x", 3.0);
      assertThat(results(OVERSIGHT, oversight, variables)).as(entry + " with " + value)
          .isEqualTo(results(CAMUNDA, camunda, variables));
    }
  }

  @Test
  void onlyTheFormsSimpleFeelDoesNotKnowReachCamundasEngineAsTheyAre() {
    List<String> handedOn = new ArrayList<>();
    FeelEngine camunda = new ScalaFeelEngineFactory().createInstance();
    FeelEngine recording = new FeelEngine() {
      @Override
      public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        handedOn.add(expression);
        return camunda.evaluateSimpleExpression(expression, variables);
      }

      @Override
      public boolean evaluateSimpleUnaryTests(String expression, String input,
          VariableContext variables) {
        handedOn.add(expression);
        return camunda.evaluateSimpleUnaryTests(expression, input, variables);
      }
    };
    FeelEngine engine = new CachedFeelExpressions.SimpleFirstFeelEngine(recording);
    VariableContext variables = Variables.createVariables().putValue("input", 5.0)
        .putValue("name", "a").asVariableContext();

    assertThat(engine.evaluateSimpleUnaryTests("< 10", "input", variables)).isTrue();
    assertThat(engine.evaluateSimpleUnaryTests("\"b\", \"c\"", "name", variables)).isFalse();
    assertThat((Object) engine.evaluateSimpleExpression("name", variables)).isEqualTo("a");
    assertThat((Object) engine.evaluateSimpleExpression("\"HIGH\"", variables)).isEqualTo("HIGH");
    assertThat(handedOn).isEmpty();

    assertThat(engine.evaluateSimpleUnaryTests("[1..10]", "input", variables)).isTrue();
    assertThat((Object) engine.evaluateSimpleExpression("string length(name)", variables))
        .isEqualTo(1L);
    assertThat(handedOn).containsExactly("[1..10]", "string length(name)");
  }

  @Test
  void theRiskTableNeedsNoneOfCamundasFeelEngine() {
    List<String> handedOn = new ArrayList<>();
    DefaultDmnEngineConfiguration configuration = new DefaultDmnEngineConfiguration();
    CachedFeelExpressions.configure(configuration);
    FeelEngine simpleFirst = configuration.getFeelEngineFactory().createInstance();
    FeelEngine refusing = new FeelEngine() {
      @Override
      public <T> T evaluateSimpleExpression(String expression, VariableContext variables) {
        handedOn.add(expression);
        return null;
      }

      @Override
      public boolean evaluateSimpleUnaryTests(String expression, String input,
          VariableContext variables) {
        handedOn.add(expression);
        return false;
      }
    };
    assertThat(simpleFirst).isInstanceOf(CachedFeelExpressions.SimpleFirstFeelEngine.class);
    DmnEngine engine = new DefaultDmnEngineConfiguration()
        .feelEngineFactory(() -> new CachedFeelExpressions.SimpleFirstFeelEngine(refusing))
        .buildEngine();
    try (var model = getClass().getClassLoader()
        .getResourceAsStream("processes/human-rights-risk.dmn")) {
      DmnDecision decision = engine.parseDecision(ProcessKeys.RISK_DECISION, model);
      Map<String, Object> deal = new HashMap<>();
      deal.put("freedomStatus", "NOT_FREE");
      deal.put("freedomScore", 20.0);
      deal.put("voiceAndAccountability", -1.5);
      deal.put("ruleOfLaw", -1.0);
      deal.put("civicSpace", "CLOSED");
      deal.put("indicatorData", "COMPLETE");
      deal.put("deniedPartyHit", false);
      deal.put("endUseStatementProvided", true);
      deal.put("allIntermediariesDisclosed", true);
      deal.put("abuseLevel", null);
      deal.put("customerType", "POLICE");
      deal.put("capabilityClass", "MASS_MONITORING");
      deal.put("endUseCategory", "PUBLIC_ORDER");
      assertThat(engine.evaluateDecision(decision, deal).getResultList()).isNotEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(handedOn).isEmpty();
  }

  private static Object results(DmnEngine engine, DmnDecision decision,
      Map<String, Object> variables) {
    try {
      return new ArrayList<>(engine.evaluateDecision(decision, variables).getResultList());
    } catch (RuntimeException e) {
      return "failed";
    }
  }

  private static String table(String type, String entry) {
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Test"
            name="Test" namespace="http://oversight.example/dmn/test">
          <decision id="Decision_Test" name="Test">
            <decisionTable id="DecisionTable_Test" hitPolicy="COLLECT">
              <input id="Input_1"><inputExpression id="InputExpression_1" typeRef="%s">
                <text>input</text></inputExpression></input>
              <output id="Output_1" name="result" typeRef="string" />
              <output id="Output_2" name="echo" typeRef="string" />
              <rule id="Rule_1">
                <inputEntry id="UnaryTests_1"><text>%s</text></inputEntry>
                <outputEntry id="LiteralExpression_1"><text>"matched"</text></outputEntry>
                <outputEntry id="LiteralExpression_2"><text>string(input)</text></outputEntry>
              </rule>
            </decisionTable>
          </decision>
        </definitions>
        """.formatted(type, entry.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"));
  }
}
