package com.oversight.sales;

import static com.oversight.platform.ProcessVariables.CAPABILITY_CLASS;
import static com.oversight.platform.ProcessVariables.CONTRACT_VALUE;
import static com.oversight.platform.ProcessVariables.COUNTRY;
import static com.oversight.platform.ProcessVariables.CURRENCY;
import static com.oversight.platform.ProcessVariables.CUSTOMER_AGENCY;
import static com.oversight.platform.ProcessVariables.CUSTOMER_TYPE;
import static com.oversight.platform.ProcessVariables.END_USE_CATEGORY;
import static com.oversight.platform.ProcessVariables.END_USE_STATEMENT_ATTACHED;
import static com.oversight.platform.ProcessVariables.EXPECTED_SIGNING_DATE;
import static com.oversight.platform.ProcessVariables.INTENDED_END_USE;
import static com.oversight.platform.ProcessVariables.INTERMEDIARIES;
import static com.oversight.platform.ProcessVariables.PRODUCT;

import com.oversight.risk.CapabilityClass;
import com.oversight.risk.CustomerType;
import com.oversight.risk.DealDescription.Intermediary;
import com.oversight.risk.EndUseCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The opportunity as process variables (the fields of the start form and of the "complete the
 * information" form) and back. Reading never fails: what cannot be read is reported as a problem.
 */
public final class OpportunityVariables {

  private OpportunityVariables() {}

  /**
   * The opportunity's variables: in the process only while a form edits them (the start form,
   * Task_CompleteInformation); Task_RegisterOpportunity stores them in the case (ov_sale_case)
   * and removes them.
   */
  public static final List<String> NAMES = List.of(CUSTOMER_AGENCY, CUSTOMER_TYPE, COUNTRY,
      PRODUCT, CAPABILITY_CLASS, END_USE_CATEGORY, INTENDED_END_USE, INTERMEDIARIES,
      END_USE_STATEMENT_ATTACHED, CONTRACT_VALUE, CURRENCY, EXPECTED_SIGNING_DATE);

  /** Whether the scope holds any of the opportunity's variables (a form submitted them). */
  public static boolean present(VariableScope scope) {
    return NAMES.stream().anyMatch(scope::hasVariable);
  }

  /** An opportunity read from variables, with what could not be read. */
  public record Read(Opportunity opportunity, List<String> problems) {}

  public static Map<String, Object> of(Opportunity o) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CUSTOMER_AGENCY, o.customerAgency());
    variables.put(CUSTOMER_TYPE, name(o.customerType()));
    variables.put(COUNTRY, o.country());
    variables.put(PRODUCT, o.product());
    variables.put(CAPABILITY_CLASS, name(o.capabilityClass()));
    variables.put(END_USE_CATEGORY, name(o.endUseCategory()));
    variables.put(INTENDED_END_USE, o.intendedEndUse());
    variables.put(INTERMEDIARIES, intermediariesText(o.intermediaries()));
    variables.put(END_USE_STATEMENT_ATTACHED, o.endUseStatementAttached());
    variables.put(CONTRACT_VALUE,
        o.contractValue() == null ? null : o.contractValue().doubleValue());
    variables.put(CURRENCY, o.currency());
    variables.put(EXPECTED_SIGNING_DATE,
        o.expectedSigningDate() == null ? null : o.expectedSigningDate().toString());
    return variables;
  }

  public static Read read(VariableScope scope) {
    List<String> problems = new ArrayList<>();
    Opportunity o = new Opportunity(
        text(scope, CUSTOMER_AGENCY),
        enumValue(CustomerType.class, scope, CUSTOMER_TYPE, problems),
        upper(text(scope, COUNTRY)),
        text(scope, PRODUCT),
        enumValue(CapabilityClass.class, scope, CAPABILITY_CLASS, problems),
        enumValue(EndUseCategory.class, scope, END_USE_CATEGORY, problems),
        text(scope, INTENDED_END_USE),
        intermediaries(text(scope, INTERMEDIARIES), problems),
        bool(scope.getVariable(END_USE_STATEMENT_ATTACHED)),
        decimal(scope.getVariable(CONTRACT_VALUE), problems),
        upper(text(scope, CURRENCY)) == null ? "EUR" : upper(text(scope, CURRENCY)),
        date(text(scope, EXPECTED_SIGNING_DATE), problems));
    return new Read(o, problems);
  }

  /** "Name | disclosed" or "Name | undisclosed", one a line. */
  public static String intermediariesText(List<Intermediary> intermediaries) {
    return String.join("\n", intermediaries.stream().map(i -> (i.name() == null ? "" : i.name())
        + " | " + (Boolean.TRUE.equals(i.disclosed()) ? "disclosed" : "undisclosed")).toList());
  }

  static List<Intermediary> intermediaries(String text, List<String> problems) {
    List<Intermediary> result = new ArrayList<>();
    if (text == null) {
      return result;
    }
    String[] lines = text.split("\\R");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].trim();
      if (line.isEmpty()) {
        continue;
      }
      int bar = line.lastIndexOf('|');
      String marker = bar < 0 ? "" : line.substring(bar + 1).trim().toLowerCase();
      String name = bar < 0 ? line : line.substring(0, bar).trim();
      Boolean disclosed = switch (marker) {
        case "disclosed" -> Boolean.TRUE;
        case "undisclosed" -> Boolean.FALSE;
        default -> null;
      };
      if (disclosed == null) {
        problems.add("intermediaries: line " + (i + 1)
            + " must end with \"| disclosed\" or \"| undisclosed\"");
      }
      result.add(new Intermediary(name, disclosed));
    }
    return result;
  }

  private static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null) {
      return null;
    }
    String text = value.toString().trim();
    return text.isEmpty() ? null : text;
  }

  private static String upper(String text) {
    return text == null ? null : text.toUpperCase();
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    return value == null ? null : Boolean.valueOf(value.toString());
  }

  private static BigDecimal decimal(Object value, List<String> problems) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim()).setScale(2, java.math.RoundingMode.HALF_UP);
    } catch (NumberFormatException e) {
      problems.add("contractValue: \"" + value + "\" is not a number");
      return null;
    }
  }

  private static LocalDate date(String text, List<String> problems) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      problems.add("expectedSigningDate: \"" + text + "\" is not a date (yyyy-MM-dd)");
      return null;
    }
  }

  private static <E extends Enum<E>> E enumValue(Class<E> type, VariableScope scope, String name,
      List<String> problems) {
    String text = text(scope, name);
    if (text == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.toUpperCase());
    } catch (IllegalArgumentException e) {
      problems.add(name + ": \"" + text + "\" is not one of "
          + Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
