package com.oversight.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.stereotype.Component;

/**
 * The DMN engine's simplest FEEL expressions are evaluated directly; every other one by
 * Camunda's own FEEL engine, unchanged.
 *
 * <p>Camunda 7.24's Scala FEEL engine (feel-scala 1.19) parses every FEEL expression of a
 * decision table anew at each evaluation and builds its whole table of built-in functions for
 * every single expression it evaluates, 0.05 to 0.25 ms each: the risk decision
 * (processes/human-rights-risk.dmn: 13 input expressions, about 25 non-empty input entries, 3
 * outputs per matched rule) took 4 to 20 ms per evaluation (docs/PERFORMANCE.md). This plugin
 * gives the process engine's DMN engine a FEEL engine of its own through the DMN engine's
 * documented extension point for a custom FEEL engine,
 * {@link DefaultDmnEngineConfiguration#setFeelEngineFactory(FeelEngineFactory)}:
 *
 * <ul>
 *   <li>the forms our tables use, with their FEEL meaning, are evaluated directly
 *       ({@link SimpleFeel}): a variable name as input expression, a string literal as output,
 *       and as input entries a list of string literals, {@code true}/{@code false}, and a
 *       comparison ({@code <}, {@code <=}, {@code >}, {@code >=}) with a number; a null input
 *       matches none of them, as in FEEL. What a text is, is read once per text (at most
 *       {@value #MAX_EXPRESSIONS} texts of each kind, started afresh when full: candidate
 *       decisions of policy reviews add their own);</li>
 *   <li>every other expression goes, as it is, to Camunda's default FEEL engine, created the
 *       documented way ({@link ScalaFeelEngineFactory#createInstance()}, with the custom function
 *       providers of the DMN engine's configuration): same results and the same cost as without
 *       this plugin. Nothing of feel-scala itself is used.</li>
 * </ul>
 *
 * <p>Only public, documented Camunda extension points are used (a process-engine plugin, the
 * DMN engine configuration's FEEL engine factory, {@code FeelEngine}), so the class moves as it
 * is to the Operaton fork. The alternative Camunda documents, {@code dmnFeelEnableLegacyBehavior}
 * (the older Java FEEL engine with JUEL for input expressions and outputs), was measured and not
 * chosen: slower on the risk table and not the FEEL process owners see in Modeler (see
 * docs/PERFORMANCE.md, "Fixes made").
 *
 * <p>{@code CachedFeelRiskTableTest} checks that the risk table gives exactly the results of
 * Camunda's default engine for hundreds of deals and every boundary;
 * {@code CachedFeelExpressionsTest} the same for single FEEL forms, simple or not.
 */
@Component
public class CachedFeelExpressions extends AbstractProcessEnginePlugin {

  static final int MAX_EXPRESSIONS = 10_000;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    DefaultDmnEngineConfiguration dmn = configuration.getDmnEngineConfiguration();
    if (dmn == null) {
      dmn = new DefaultDmnEngineConfiguration();
      configuration.setDmnEngineConfiguration(dmn);
    }
    configure(dmn);
  }

  /** Gives a DMN engine configuration the simple-first FEEL engine (also used by the benchmark). */
  public static DefaultDmnEngineConfiguration configure(DefaultDmnEngineConfiguration dmn) {
    dmn.setFeelEngineFactory(new Factory(dmn));
    return dmn;
  }

  /**
   * Creates the engine when the DMN engine is built. Camunda's default FEEL engine for the rest is
   * made only when a first expression needs it (Oversight's tables never do: building it loads
   * feel-scala, about a second of start-up); the custom function providers are read then (the
   * process engine sets them on the DMN configuration after the plugins' {@code preInit}).
   */
  static final class Factory implements FeelEngineFactory {
    private final DefaultDmnEngineConfiguration dmn;

    Factory(DefaultDmnEngineConfiguration dmn) {
      this.dmn = dmn;
    }

    @Override
    public FeelEngine createInstance() {
      return new SimpleFirstFeelEngine(() -> {
        List<FeelCustomFunctionProvider> functions = dmn.getFeelCustomFunctionProviders();
        return new ScalaFeelEngineFactory(functions == null ? List.of() : functions)
            .createInstance();
      });
    }
  }

  /** {@link SimpleFeel} for the forms it knows, Camunda's FEEL engine for the others. */
  static final class SimpleFirstFeelEngine implements FeelEngine {
    private final Supplier<FeelEngine> makeCamunda;
    private volatile FeelEngine camunda;
    private final Map<String, SimpleFeel.Expression> expressions = new ConcurrentHashMap<>();
    private final Map<String, SimpleFeel.UnaryTest> unaryTests = new ConcurrentHashMap<>();

    SimpleFirstFeelEngine(FeelEngine camunda) {
      this(() -> camunda);
    }

    SimpleFirstFeelEngine(Supplier<FeelEngine> makeCamunda) {
      this.makeCamunda = makeCamunda;
    }

    /** The engine that evaluates what {@link SimpleFeel} does not know, made at first use. */
    FeelEngine camunda() {
      FeelEngine engine = camunda;
      if (engine == null) {
        synchronized (this) {
          engine = camunda;
          if (engine == null) {
            engine = makeCamunda.get();
            camunda = engine;
          }
        }
      }
      return engine;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      if (expression != null) {
        SimpleFeel.Expression simple = read(expressions, expression, SimpleFeel::expression);
        if (simple != SimpleFeel.NOT_SIMPLE_EXPRESSION) {
          return (T) simple.evaluate(variableContext);
        }
      }
      return camunda().evaluateSimpleExpression(expression, variableContext);
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
        VariableContext variableContext) {
      if (expression != null) {
        SimpleFeel.UnaryTest simple = read(unaryTests, expression, SimpleFeel::unaryTest);
        if (simple != SimpleFeel.NOT_SIMPLE_TEST) {
          TypedValue input = variableContext.resolve(inputVariable);
          return simple.test(input == null ? null : input.getValue());
        }
      }
      return camunda().evaluateSimpleUnaryTests(expression, inputVariable, variableContext);
    }

    private static <T> T read(Map<String, T> cache, String text, Function<String, T> reader) {
      T simple = cache.get(text);
      if (simple == null) {
        simple = reader.apply(text);
        if (cache.size() >= MAX_EXPRESSIONS) {
          cache.clear();
        }
        cache.put(text, simple);
      }
      return simple;
    }
  }
}
