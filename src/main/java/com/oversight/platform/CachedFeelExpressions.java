package com.oversight.platform;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.feel.impl.FeelEngine;
import org.camunda.bpm.dmn.feel.impl.FeelEngineFactory;
import org.camunda.bpm.dmn.feel.impl.scala.ContextVariableWrapper;
import org.camunda.bpm.dmn.feel.impl.scala.ScalaFeelEngine;
import org.camunda.bpm.dmn.feel.impl.scala.function.FeelCustomFunctionProvider;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.feel.context.Context;
import org.camunda.feel.context.CustomContext;
import org.camunda.feel.context.VariableProvider;
import org.camunda.feel.syntaxtree.ParsedExpression;
import org.springframework.stereotype.Component;

/**
 * The DMN engine's simplest FEEL expressions are evaluated directly; the others are parsed once.
 *
 * <p>Camunda 7.24's Scala FEEL engine (feel-scala 1.19) parses every FEEL expression of a
 * decision table anew at each evaluation and, worse, builds its whole table of built-in
 * functions ({@code BuiltinFunctions}) for every single expression it evaluates, 0.05 to 0.25
 * ms each: the risk decision (processes/human-rights-risk.dmn: 13 input expressions, about 25
 * non-empty input entries, 3 outputs per matched rule) took 4 to 20 ms per evaluation
 * (docs/PERFORMANCE.md). This plugin gives the process engine's DMN engine the same Scala FEEL
 * engine with two changes, the tables unchanged and as readable in Camunda Modeler:
 *
 * <ul>
 *   <li>the forms our tables use, with their FEEL meaning, are evaluated directly
 *       ({@link SimpleFeel}): a variable name as input expression, a string literal as output,
 *       and as input entries a list of string literals, {@code true}/{@code false}, and a
 *       comparison ({@code <}, {@code <=}, {@code >}, {@code >=}) with a number; a null input
 *       matches none of them, as in FEEL;</li>
 *   <li>every other expression goes to Scala FEEL, parsed once (a cache keyed by the text, at
 *       most {@value #MAX_EXPRESSIONS} texts of each kind, started afresh when full: candidate
 *       decisions of policy reviews add their own). Parsed expressions are immutable syntax
 *       trees, shared between threads.</li>
 * </ul>
 *
 * <p>{@code CachedFeelExpressionsTest} checks that the risk table gives exactly the results of
 * Camunda's default engine for thousands of deals.
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

  /** Gives a DMN engine configuration the caching FEEL engine (also used by the benchmark). */
  public static DefaultDmnEngineConfiguration configure(DefaultDmnEngineConfiguration dmn) {
    List<FeelCustomFunctionProvider> functions = dmn.getFeelCustomFunctionProviders();
    dmn.setFeelEngineFactory(new Factory(functions == null ? List.of() : functions));
    return dmn;
  }

  /** Creates the caching engine with the configuration's custom functions, as Camunda does. */
  static final class Factory implements FeelEngineFactory {
    private final List<FeelCustomFunctionProvider> functions;

    Factory(List<FeelCustomFunctionProvider> functions) {
      this.functions = functions;
    }

    @Override
    public FeelEngine createInstance() {
      return new CachingScalaFeelEngine(functions);
    }
  }

  /** Camunda's Scala FEEL engine, evaluating cached parse results. */
  static final class CachingScalaFeelEngine extends ScalaFeelEngine {
    private static final String INPUT_VARIABLE_NAME = "inputVariableName";
    private final Map<String, ParsedExpression> expressions = new ConcurrentHashMap<>();
    private final Map<String, ParsedExpression> unaryTests = new ConcurrentHashMap<>();

    CachingScalaFeelEngine(List<FeelCustomFunctionProvider> functions) {
      super(functions);
    }

    private final Map<String, SimpleFeel.Expression> simpleExpressions = new ConcurrentHashMap<>();
    private final Map<String, SimpleFeel.UnaryTest> simpleTests = new ConcurrentHashMap<>();

    @Override
    @SuppressWarnings("unchecked")
    public <T> T evaluateSimpleExpression(String expression, VariableContext variableContext) {
      SimpleFeel.Expression simple = simple(simpleExpressions, expression,
          SimpleFeel::expression);
      if (simple != SimpleFeel.NOT_SIMPLE_EXPRESSION) {
        return (T) simple.evaluate(variableContext);
      }
      ParsedExpression parsed = parsed(expressions, expression,
          text -> unwrap(feelEngine.parseExpression(text)));
      Context context = new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return new ContextVariableWrapper(variableContext);
        }
      };
      return (T) unwrap(feelEngine.eval(parsed, context));
    }

    @Override
    public boolean evaluateSimpleUnaryTests(String expression, String inputVariable,
        VariableContext variableContext) {
      SimpleFeel.UnaryTest simple = simple(simpleTests, expression, SimpleFeel::unaryTest);
      if (simple != SimpleFeel.NOT_SIMPLE_TEST) {
        org.camunda.bpm.engine.variable.value.TypedValue input =
            variableContext.resolve(inputVariable);
        return simple.test(input == null ? null : input.getValue());
      }
      ParsedExpression parsed = parsed(unaryTests, expression,
          text -> unwrap(feelEngine.parseUnaryTests(text)));
      VariableProvider.StaticVariableProvider input = new VariableProvider.StaticVariableProvider(
          new camundajar.impl.scala.collection.immutable.Map.Map1<>(INPUT_VARIABLE_NAME,
              inputVariable));
      ContextVariableWrapper variables = new ContextVariableWrapper(variableContext);
      Context context = new CustomContext() {
        @Override
        public VariableProvider variableProvider() {
          return new VariableProvider.CompositeVariableProvider(toScalaList(input, variables));
        }
      };
      Object result = unwrap(feelEngine.eval(parsed, context));
      return result != null && (Boolean) result;
    }

    private static <T> T simple(Map<String, T> cache, String text, Function<String, T> reader) {
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

    private static ParsedExpression parsed(Map<String, ParsedExpression> cache, String text,
        Function<String, ParsedExpression> parser) {
      ParsedExpression parsed = cache.get(text);
      if (parsed == null) {
        parsed = parser.apply(text);
        if (cache.size() >= MAX_EXPRESSIONS) {
          cache.clear();
        }
        cache.put(text, parsed);
      }
      return parsed;
    }

    private static <T> T unwrap(
        camundajar.impl.scala.util.Either<org.camunda.feel.FeelEngine.Failure, T> result) {
      if (result.isRight()) {
        return result.toOption().get();
      }
      String message = result.swap().toOption().get().message();
      throw LOGGER.evaluationException(message);
    }
  }
}
