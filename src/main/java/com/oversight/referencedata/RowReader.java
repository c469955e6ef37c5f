package com.oversight.referencedata;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reads and checks the values of one CSV row, reporting each problem with row and column. */
final class RowReader {

  private final CsvFile.Row row;
  private final ImportProblems problems;
  private final ImportContext context;
  private boolean valid = true;

  RowReader(CsvFile.Row row, ImportProblems problems, ImportContext context) {
    this.row = row;
    this.problems = problems;
    this.context = context;
  }

  int line() {
    return row.line();
  }

  ImportContext context() {
    return context;
  }

  /** True when no problem was reported for this row. */
  boolean valid() {
    return valid;
  }

  String raw(String column) {
    return row.get(column);
  }

  void problem(String column, String problem) {
    valid = false;
    problems.add(row.line(), column, problem, row.get(column));
  }

  /** A non-blank value of at most {@code maxLength} characters, or null after a problem. */
  String required(String column, int maxLength) {
    String value = row.get(column);
    if (value.isBlank()) {
      problem(column, "is required");
      return null;
    }
    return checkLength(column, value, maxLength);
  }

  /** A possibly blank value ("" when blank) of at most {@code maxLength} characters. */
  String optional(String column, int maxLength) {
    return checkLength(column, row.get(column), maxLength);
  }

  private String checkLength(String column, String value, int maxLength) {
    if (value.length() > maxLength) {
      problem(column, "is longer than " + maxLength + " characters");
      return null;
    }
    return value;
  }

  /** An ISO date (yyyy-MM-dd) not after today. */
  LocalDate date(String column) {
    String value = required(column, 10);
    if (value == null) {
      return null;
    }
    try {
      LocalDate date = LocalDate.parse(value);
      if (date.isAfter(context.today())) {
        problem(column, "is in the future");
        return null;
      }
      return date;
    } catch (DateTimeParseException e) {
      problem(column, "is not a date in the form yyyy-MM-dd");
      return null;
    }
  }

  /** The alpha-2 code of a country that exists, given as alpha-2 or alpha-3 code. */
  String country(String column) {
    String value = required(column, 3);
    if (value == null) {
      return null;
    }
    return knownCountry(column, value);
  }

  /** Like {@link #country} but a blank value is allowed and gives "". */
  String optionalCountry(String column) {
    String value = row.get(column);
    return value.isBlank() ? "" : knownCountry(column, value);
  }

  private String knownCountry(String column, String value) {
    return context.alpha2(value).orElseGet(() -> {
      problem(column, "is not a known country code (ISO 3166-1 alpha-2 or alpha-3; "
          + "import it with the countries dataset first)");
      return null;
    });
  }

  /** An enum constant by name, any case, spaces and dashes read as underscores. */
  <E extends Enum<E>> E enumValue(String column, Class<E> type) {
    String value = required(column, 64);
    if (value == null) {
      return null;
    }
    String name = value.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(name)) {
        return constant;
      }
    }
    problem(column, "is not one of " + Arrays.stream(type.getEnumConstants()).map(Enum::name)
        .collect(Collectors.joining(", ")));
    return null;
  }

  /** An absolute http or https URL. */
  String url(String column, int maxLength) {
    String value = required(column, maxLength);
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
        return value;
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    problem(column, "is not an http(s) URL");
    return null;
  }
}
