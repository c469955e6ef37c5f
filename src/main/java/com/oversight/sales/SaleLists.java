package com.oversight.sales;

import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Lists kept in process variables as readable text (comma- or line-separated), so Tasklist and
 * Cockpit show them as they are; the models turn them into collections with
 * {@code ${saleLists.split(eligibleMembers)}}.
 */
@Component("saleLists")
public class SaleLists {

  public List<String> split(Object text) {
    return of(text);
  }

  public static List<String> of(Object text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.toString().split("[,\\r\\n]+")).map(String::trim)
        .filter(item -> !item.isEmpty()).toList();
  }

  /** Items one a line (commas allowed inside an item): conditions. */
  public List<String> lines(Object text) {
    return linesOf(text);
  }

  public static List<String> linesOf(Object text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.toString().split("\\R")).map(String::trim)
        .filter(item -> !item.isEmpty()).toList();
  }

  public boolean hasLines(Object text) {
    return !linesOf(text).isEmpty();
  }
}
