package com.oversight.platform;

import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.variable.context.VariableContext;
import org.camunda.bpm.engine.variable.value.TypedValue;

/**
 * The few FEEL forms Oversight's decision tables use, evaluated directly with their FEEL meaning
 * (see {@link CachedFeelExpressions}); anything else is "not simple" and left to Camunda's FEEL
 * engine.
 */
final class SimpleFeel {

  /** An expression: a variable's value or a constant. */
  interface Expression {
    Object evaluate(VariableContext variables);
  }

  /** A unary test on the input value of a column. */
  interface UnaryTest {
    boolean test(Object input);
  }

  static final Expression NOT_SIMPLE_EXPRESSION = variables -> {
    throw new UnsupportedOperationException();
  };
  static final UnaryTest NOT_SIMPLE_TEST = input -> {
    throw new UnsupportedOperationException();
  };

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final Pattern STRING = Pattern.compile("\"([^\"\\\\]*)\"");
  private static final Pattern STRINGS =
      Pattern.compile("\"[^\"\\\\]*\"(\\s*,\\s*\"[^\"\\\\]*\")*");
  private static final Pattern COMPARISON =
      Pattern.compile("(<=|>=|<|>)\\s*(-?\\d+(\\.\\d+)?)");
  /** Names that mean something else in FEEL. */
  private static final Set<String> RESERVED = Set.of("true", "false", "null", "not", "and", "or",
      "for", "if", "then", "else", "some", "every", "in", "return", "satisfies", "function",
      "instance", "of", "between", "date", "time");

  private SimpleFeel() {}

  static Expression expression(String text) {
    String expression = text == null ? "" : text.trim();
    Matcher string = STRING.matcher(expression);
    if (string.matches()) {
      String value = string.group(1);
      return variables -> value;
    }
    if (NAME.matcher(expression).matches() && !RESERVED.contains(expression)) {
      return variables -> {
        TypedValue value = variables.resolve(expression);
        return value == null ? null : value.getValue();
      };
    }
    return NOT_SIMPLE_EXPRESSION;
  }

  static UnaryTest unaryTest(String text) {
    String test = text == null ? "" : text.trim();
    if (test.equals("true") || test.equals("false")) {
      Boolean expected = Boolean.valueOf(test);
      return input -> expected.equals(input);
    }
    if (STRINGS.matcher(test).matches()) {
      List<String> values = STRING.matcher(test).results().map(m -> m.group(1)).toList();
      return input -> input instanceof String value && values.contains(value);
    }
    Matcher comparison = COMPARISON.matcher(test);
    if (comparison.matches()) {
      String operator = comparison.group(1);
      BigDecimal limit = new BigDecimal(comparison.group(2));
      double limitAsDouble = limit.doubleValue();
      boolean exactAsDouble = new BigDecimal(limitAsDouble).compareTo(limit) == 0;
      return input -> {
        int order;
        if (input instanceof Double d && exactAsDouble && Double.isFinite(d)) {
          order = Double.compare(d == 0.0 ? 0.0 : d, limitAsDouble == 0.0 ? 0.0 : limitAsDouble);
        } else {
          BigDecimal value = number(input);
          if (value == null) {
            return false;
          }
          order = value.compareTo(limit);
        }
        return switch (operator) {
          case "<" -> order < 0;
          case "<=" -> order <= 0;
          case ">" -> order > 0;
          default -> order >= 0;
        };
      };
    }
    return NOT_SIMPLE_TEST;
  }

  private static BigDecimal number(Object input) {
    if (input instanceof Double || input instanceof Float) {
      double value = ((Number) input).doubleValue();
      return Double.isFinite(value) ? BigDecimal.valueOf(value) : null;
    }
    if (input instanceof Long || input instanceof Integer || input instanceof Short
        || input instanceof Byte) {
      return BigDecimal.valueOf(((Number) input).longValue());
    }
    if (input instanceof BigDecimal value) {
      return value;
    }
    return null;
  }
}
