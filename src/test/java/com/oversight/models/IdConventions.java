package com.oversight.models;

import java.util.regex.Pattern;

/**
 * Camunda's id conventions as Oversight uses them: a prefix for the kind of element, then
 * PascalCase ("Task_UpdateCountryData") or the suffix Camunda Modeler generates ("Flow_0k2x9ab",
 * "StartEvent_1").
 */
final class IdConventions {

  /** PascalCase, or Modeler's generated 7-character suffix, or a number. */
  private static final String SUFFIX = "(?:[A-Z][A-Za-z0-9]*|[0-9a-z]{7}|[0-9]+)";
  private static final Pattern PROCESS = Pattern.compile("[A-Z][A-Za-z0-9]*Process");

  private IdConventions() {}

  static boolean isProcessId(String id) {
    return id != null && PROCESS.matcher(id).matches();
  }

  /** Whether {@code id} is one of {@code prefixes} + "_" + a conventional suffix. */
  static boolean hasPrefix(String id, String... prefixes) {
    if (id == null) {
      return false;
    }
    for (String prefix : prefixes) {
      if (id.matches(Pattern.quote(prefix + "_") + SUFFIX)) {
        return true;
      }
    }
    return false;
  }

  static String expectation(String... prefixes) {
    return "id does not follow the naming convention (expected " + String.join("_ or ", prefixes)
        + "_ followed by PascalCase or a Modeler-generated suffix)";
  }
}
